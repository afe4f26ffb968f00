// Client adapter for aws-sdk-go-v2 (Conformance/PROTOCOL.md, protocol version 1).
//
// Pinned: aws-sdk-go-v2 1.17.1 (service/cognitoidentityprovider 1.21.1,
// smithy-go 1.13.3) from Debian's golang-github-aws-aws-sdk-go-v2-dev
// (=1.17.1-3) and golang-github-aws-smithy-go-dev (=1.13.3-2), built with
// Debian's Go 1.19 in GOPATH mode, offline (install.sh). Each case goes
// through a real cognitoidentityprovider.Client: its own validation
// middleware, awsJson1.1 serialiser, SigV4 signing middleware and error
// deserialiser. Nothing reaches the network: Options.HTTPClient is a Do()
// that records the *http.Request the SDK's middleware stack built and signed
// (method, URL, every header, Host, Content-Length, body bytes) and answers
// with the runner's canned response. Retries are off (aws.NopRetryer); static
// credentials, region and endpoint (EndpointResolverFromURL) come from start.
// The SDK's validation error (smithy.InvalidParamsError) is replied as
// "rejected"; an error after sending is surfaced as smithy.APIError's
// ErrorCode(), exactly as the SDK exposes it.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/ioutil"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/aws/smithy-go"
)

const protocolVersion = 1

type message struct {
	Cmd         string `json:"cmd"`
	Version     *int   `json:"version"`
	Region      string `json:"region"`
	Endpoint    string `json:"endpoint"`
	Credentials struct {
		AccessKeyID     string `json:"accessKeyId"`
		SecretAccessKey string `json:"secretAccessKey"`
		SessionToken    string `json:"sessionToken"`
	} `json:"credentials"`
	ID         string            `json:"id"`
	Operation  string            `json:"operation"`
	Parameters map[string]string `json:"parameters"`
	Response   canned            `json:"response"`
}

type canned struct {
	Status  int               `json:"status"`
	Headers map[string]string `json:"headers"`
	Body    string            `json:"body"`
}

// transport records the request it is given and answers the canned response.
type transport struct {
	canned   canned
	captured map[string]interface{}
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil && req.Body != http.NoBody {
		var err error
		if body, err = ioutil.ReadAll(req.Body); err != nil {
			return nil, err
		}
		req.Body.Close()
	}
	headers := map[string]string{}
	for name, values := range req.Header {
		headers[name] = strings.Join(values, ", ")
	}
	// What net/http's transport writes besides req.Header.
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	headers["Host"] = host
	if _, ok := headers["Content-Length"]; !ok && (req.ContentLength > 0 || req.Method == "POST") {
		headers["Content-Length"] = strconv.FormatInt(int64(len(body)), 10)
	}
	sent := map[string]interface{}{"method": req.Method, "url": req.URL.String(), "headers": headers}
	if utf8.Valid(body) {
		sent["body"] = string(body)
	} else {
		sent["bodyBase64"] = base64.StdEncoding.EncodeToString(body)
	}
	t.captured = sent
	header := http.Header{}
	for name, value := range t.canned.Headers {
		header.Set(name, value)
	}
	data := []byte(t.canned.Body)
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", t.canned.Status, http.StatusText(t.canned.Status)),
		StatusCode:    t.canned.Status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        header,
		Body:          ioutil.NopCloser(bytes.NewReader(data)),
		ContentLength: int64(len(data)),
		Request:       req,
	}, nil
}

// capture is the client's HTTPClient: the SDK calls Do with the request its
// middleware stack serialised and signed.
type capture struct{ transport }

func (c *capture) Do(req *http.Request) (*http.Response, error) { return c.RoundTrip(req) }

type adapter struct {
	client  *cip.Client
	capture *capture
}

func (a *adapter) start(m message) interface{} {
	if m.Version == nil || *m.Version != protocolVersion {
		return map[string]string{"error": "unsupported protocol version"}
	}
	a.capture = &capture{}
	a.client = cip.New(cip.Options{
		Region: m.Region,
		Credentials: aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider(
			m.Credentials.AccessKeyID, m.Credentials.SecretAccessKey, m.Credentials.SessionToken)),
		EndpointResolver: cip.EndpointResolverFromURL(m.Endpoint),
		HTTPClient:       a.capture,
		Retryer:          aws.NopRetryer{},
	})
	return map[string]interface{}{
		"version": protocolVersion,
		"implementation": map[string]string{
			"name":     "aws-sdk-go-v2",
			"version":  aws.SDKVersion,
			"language": "go",
			"homepage": "https://github.com/aws/aws-sdk-go-v2",
			"service":  "service/cognitoidentityprovider " + serviceModuleVersion + ", smithy-go 1.13.3",
			"build":    "Debian golang-github-aws-aws-sdk-go-v2-dev, " + runtime.Version(),
		},
	}
}

// serviceModuleVersion is service/cognitoidentityprovider's goModuleVersion
// (unexported) in Debian's 1.17.1-3 package, and smithy-go is 1.13.3-2;
// both pinned by install.sh.
const serviceModuleVersion = "1.21.1"

func optional(parameters map[string]string, name string) *string {
	if value, ok := parameters[name]; ok {
		return aws.String(value)
	}
	return nil
}

func (a *adapter) run(m message) (reply map[string]interface{}) {
	reply = map[string]interface{}{"id": m.ID}
	defer func() {
		if r := recover(); r != nil {
			reply = map[string]interface{}{"id": m.ID, "error": fmt.Sprintf("panic in the adapter (%T)", r)}
		}
	}()
	if a.client == nil {
		reply["error"] = "run before start"
		return
	}
	p := m.Parameters
	a.capture.canned, a.capture.captured = m.Response, nil
	// FeedbackValue is an enum, a string type in v2: an absent member can
	// only be the zero value "", the same as an empty one.
	feedbackValue := types.FeedbackValueType(p["FeedbackValue"])
	ctx := context.Background()
	var err error
	switch m.Operation {
	case "UpdateAuthEventFeedback":
		_, err = a.client.UpdateAuthEventFeedback(ctx, &cip.UpdateAuthEventFeedbackInput{
			UserPoolId: optional(p, "UserPoolId"), Username: optional(p, "Username"), EventId: optional(p, "EventId"),
			FeedbackToken: optional(p, "FeedbackToken"), FeedbackValue: feedbackValue,
		})
	case "AdminUpdateAuthEventFeedback":
		_, err = a.client.AdminUpdateAuthEventFeedback(ctx, &cip.AdminUpdateAuthEventFeedbackInput{
			UserPoolId: optional(p, "UserPoolId"), Username: optional(p, "Username"), EventId: optional(p, "EventId"),
			FeedbackValue: feedbackValue,
		})
	default:
		reply["unsupported"] = "aws-sdk-go-v2 has no such operation"
		return
	}
	if a.capture.captured == nil {
		var invalid smithy.InvalidParamsError
		if errors.As(err, &invalid) {
			reply["rejected"] = map[string]string{} // the SDK's message names the parameters: never forwarded
		} else {
			reply["error"] = fmt.Sprintf("aws-sdk-go-v2 failed before sending (%T)", errors.Unwrap(err))
		}
		return
	}
	reply["request"] = a.capture.captured
	var apiErr smithy.APIError
	switch {
	case err == nil:
		reply["surfaced"] = map[string]interface{}{"success": true}
	case errors.As(err, &apiErr):
		reply["surfaced"] = map[string]string{"error": apiErr.ErrorCode()}
	default:
		// Not an API error (a deserialisation error, say): its Go type, innermost first.
		inner := err
		for errors.Unwrap(inner) != nil {
			inner = errors.Unwrap(inner)
		}
		reply["surfaced"] = map[string]string{"error": fmt.Sprintf("%T", inner)}
	}
	return
}

func main() {
	a := &adapter{}
	in := bufio.NewReaderSize(os.Stdin, 1<<16)
	out := bufio.NewWriter(os.Stdout)
	encoder := json.NewEncoder(out) // one line per value, UTF-8, no raw newline
	encoder.SetEscapeHTML(false)
	for {
		line, readErr := in.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var m message
			var reply interface{}
			if err := json.Unmarshal(line, &m); err != nil {
				reply = map[string]string{"error": "malformed message"}
			} else {
				switch m.Cmd {
				case "start":
					reply = a.start(m)
				case "run":
					reply = a.run(m)
				case "stop":
					return
				default:
					reply = map[string]string{"error": "unknown command"}
				}
			}
			if err := encoder.Encode(reply); err != nil {
				fmt.Fprintf(os.Stderr, "cannot encode a reply: %T\n", err)
				os.Exit(1)
			}
			out.Flush()
		}
		if readErr == io.EOF {
			return
		} else if readErr != nil {
			fmt.Fprintf(os.Stderr, "reading standard input: %v\n", readErr)
			os.Exit(1)
		}
	}
}
