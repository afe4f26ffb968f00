// Client adapter for aws-sdk-go v1 (Conformance/PROTOCOL.md, protocol version 1).
//
// Pinned: aws-sdk-go 1.44.133 from Debian's golang-github-aws-aws-sdk-go-dev
// (=1.44.133-1), built with Debian's Go 1.19 in GOPATH mode, offline
// (install.sh). Each case goes through a real cognitoidentityprovider client:
// its own parameter validation, JSON serialisation, SigV4 signing, and error
// unmarshalling. Nothing reaches the network: the client's http.Client has a
// RoundTripper that records the request as the SDK's Send handler hands it to
// the transport (after signing: method, URL, every header, Host, Content-Length,
// body bytes) and answers with the runner's canned response. Retries are off
// (MaxRetries 0). The SDK's parameter validation (request.ErrInvalidParams,
// code "InvalidParameter") is replied as "rejected"; any error after sending is
// surfaced as awserr.Error's Code(), exactly as the SDK exposes it (an empty
// code included).
package main

import (
	"bufio"
	"bytes"
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

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/awserr"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/aws/aws-sdk-go/aws/session"
	cip "github.com/aws/aws-sdk-go/service/cognitoidentityprovider"
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

type adapter struct {
	client    *cip.CognitoIdentityProvider
	transport *transport
}

func (a *adapter) start(m message) interface{} {
	if m.Version == nil || *m.Version != protocolVersion {
		return map[string]string{"error": "unsupported protocol version"}
	}
	a.transport = &transport{}
	config := aws.Config{
		Region:      aws.String(m.Region),
		Endpoint:    aws.String(m.Endpoint),
		Credentials: credentials.NewStaticCredentials(m.Credentials.AccessKeyID, m.Credentials.SecretAccessKey, m.Credentials.SessionToken),
		MaxRetries:  aws.Int(0),
	}
	sess, err := session.NewSessionWithOptions(session.Options{
		Config: config, SharedConfigState: session.SharedConfigDisable,
		SharedConfigFiles: []string{}, // never the user's ~/.aws files
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "aws-sdk-go session: %v\n", err)
		return map[string]string{"error": fmt.Sprintf("session: %T", err)}
	}
	// The capturing http.Client is given to the client, not the session: a
	// session applies AWS_CA_BUNDLE to its HTTPClient's transport, and
	// refuses one that is not an *http.Transport.
	a.client = cip.New(sess, &aws.Config{HTTPClient: &http.Client{Transport: a.transport}})
	return map[string]interface{}{
		"version": protocolVersion,
		"implementation": map[string]string{
			"name":     "aws-sdk-go",
			"version":  aws.SDKVersion,
			"language": "go",
			"homepage": "https://github.com/aws/aws-sdk-go",
			"build":    "Debian golang-github-aws-aws-sdk-go-dev, " + runtime.Version(),
		},
	}
}

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
	a.transport.canned, a.transport.captured = m.Response, nil
	var err error
	switch m.Operation {
	case "UpdateAuthEventFeedback":
		_, err = a.client.UpdateAuthEventFeedback(&cip.UpdateAuthEventFeedbackInput{
			UserPoolId: optional(p, "UserPoolId"), Username: optional(p, "Username"), EventId: optional(p, "EventId"),
			FeedbackToken: optional(p, "FeedbackToken"), FeedbackValue: optional(p, "FeedbackValue"),
		})
	case "AdminUpdateAuthEventFeedback":
		_, err = a.client.AdminUpdateAuthEventFeedback(&cip.AdminUpdateAuthEventFeedbackInput{
			UserPoolId: optional(p, "UserPoolId"), Username: optional(p, "Username"), EventId: optional(p, "EventId"),
			FeedbackValue: optional(p, "FeedbackValue"),
		})
	default:
		reply["unsupported"] = "aws-sdk-go has no such operation"
		return
	}
	if a.transport.captured == nil {
		var invalid request.ErrInvalidParams
		if errors.As(err, &invalid) {
			reply["rejected"] = map[string]string{} // the SDK's message names the parameters: never forwarded
		} else {
			reply["error"] = fmt.Sprintf("aws-sdk-go failed before sending (%T)", err)
		}
		return
	}
	reply["request"] = a.transport.captured
	var aerr awserr.Error
	switch {
	case err == nil:
		reply["surfaced"] = map[string]interface{}{"success": true}
	case errors.As(err, &aerr):
		reply["surfaced"] = map[string]string{"error": aerr.Code()}
	default:
		reply["surfaced"] = map[string]string{"error": fmt.Sprintf("%T", err)}
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
