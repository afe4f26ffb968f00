// Package feedbackadapter is the protocol plumbing the Go client adapters
// share (Conformance/PROTOCOL.md, protocol version 1): the runner's messages,
// a Transport that records the request an SDK hands it and answers the
// runner's canned response, and Serve, the read-reply loop over standard
// input and output. What differs between SDKs (the client, the two calls, how
// an error is read) is an SDK, in each adapter's own main.go.
//
// Standard library only; built in GOPATH mode, offline, with this folder's
// parent on GOPATH before Debian's Go tree (Conformance/adapters/go/build.sh).
package feedbackadapter

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
	"strconv"
	"strings"
	"unicode/utf8"
)

// ProtocolVersion is the protocol version the adapters speak.
const ProtocolVersion = 1

// Message is any message from the runner (start, run, stop).
type Message struct {
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
	Response   Canned            `json:"response"`
}

// Canned is the response a run message tells the adapter to answer.
type Canned struct {
	Status  int               `json:"status"`
	Headers map[string]string `json:"headers"`
	Body    string            `json:"body"`
}

// Transport records the request it is given and answers the canned response.
type Transport struct {
	Canned   Canned
	Captured map[string]interface{} // the protocol's request object; nil until a request is sent
}

// RoundTrip is http.RoundTripper's.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
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
	t.Captured = sent
	header := http.Header{}
	for name, value := range t.Canned.Headers {
		header.Set(name, value)
	}
	data := []byte(t.Canned.Body)
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", t.Canned.Status, http.StatusText(t.Canned.Status)),
		StatusCode:    t.Canned.Status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        header,
		Body:          ioutil.NopCloser(bytes.NewReader(data)),
		ContentLength: int64(len(data)),
		Request:       req,
	}, nil
}

// ErrNoSuchOperation is what SDK.Call returns for an operation it does not have.
var ErrNoSuchOperation = errors.New("no such operation")

// An SDK is what one Go SDK's adapter brings: its client and how it reads
// the SDK's errors.
type SDK interface {
	// Start makes the client from a start message, sending every request
	// through transport, and returns the start reply's "implementation"
	// object; an error's text is replied as the start's error.
	Start(m Message, transport *Transport) (map[string]string, error)
	// Call makes the operation's call with the case's parameters and returns
	// the SDK's error (ErrNoSuchOperation for another operation).
	Call(operation string, parameters map[string]string) error
	// Unsent reads the error of a call that sent nothing: rejected when the
	// SDK's own parameter validation refused it, else the name the
	// "failed before sending" error gives it.
	Unsent(err error) (rejected bool, name string)
	// Surfaced is the error code the SDK exposes for the error of a call that
	// was sent, or else a name for that error.
	Surfaced(err error) string
}

// Optional is a parameter as an SDK's optional string member: nil when absent.
func Optional(parameters map[string]string, name string) *string {
	if value, ok := parameters[name]; ok {
		return &value
	}
	return nil
}

type server struct {
	name      string
	sdk       SDK
	transport *Transport
	started   bool
}

func (s *server) start(m Message) interface{} {
	if m.Version == nil || *m.Version != ProtocolVersion {
		return map[string]string{"error": "unsupported protocol version"}
	}
	s.transport = &Transport{}
	implementation, err := s.sdk.Start(m, s.transport)
	if err != nil {
		return map[string]string{"error": err.Error()}
	}
	s.started = true
	return map[string]interface{}{"version": ProtocolVersion, "implementation": implementation}
}

func (s *server) run(m Message) (reply map[string]interface{}) {
	reply = map[string]interface{}{"id": m.ID}
	defer func() {
		if r := recover(); r != nil {
			reply = map[string]interface{}{"id": m.ID, "error": fmt.Sprintf("panic in the adapter (%T)", r)}
		}
	}()
	if !s.started {
		reply["error"] = "run before start"
		return
	}
	s.transport.Canned, s.transport.Captured = m.Response, nil
	err := s.sdk.Call(m.Operation, m.Parameters)
	if err == ErrNoSuchOperation {
		reply["unsupported"] = s.name + " has no such operation"
		return
	}
	if s.transport.Captured == nil {
		if rejected, name := s.sdk.Unsent(err); rejected {
			reply["rejected"] = map[string]string{} // the SDK's message names the parameters: never forwarded
		} else {
			reply["error"] = s.name + " failed before sending (" + name + ")"
		}
		return
	}
	reply["request"] = s.transport.Captured
	if err == nil {
		reply["surfaced"] = map[string]interface{}{"success": true}
	} else {
		reply["surfaced"] = map[string]string{"error": s.sdk.Surfaced(err)}
	}
	return
}

// Serve answers the runner's messages on standard input, one JSON line each,
// with one JSON line each on standard output, until stop or the end of the
// input. name is the SDK's in replies ("NAME has no such operation").
func Serve(name string, sdk SDK) {
	s := &server{name: name, sdk: sdk}
	in := bufio.NewReaderSize(os.Stdin, 1<<16)
	out := bufio.NewWriter(os.Stdout)
	encoder := json.NewEncoder(out) // one line per value, UTF-8, no raw newline
	encoder.SetEscapeHTML(false)
	for {
		line, readErr := in.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var m Message
			var reply interface{}
			if err := json.Unmarshal(line, &m); err != nil {
				reply = map[string]string{"error": "malformed message"}
			} else {
				switch m.Cmd {
				case "start":
					reply = s.start(m)
				case "run":
					reply = s.run(m)
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
