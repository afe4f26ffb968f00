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
// code included). The protocol plumbing (messages, the recording
// RoundTripper, the read-reply loop) is the Go adapters' shared package,
// Conformance/adapters/go/src/feedbackadapter.
package main

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"runtime"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/awserr"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/aws/aws-sdk-go/aws/session"
	cip "github.com/aws/aws-sdk-go/service/cognitoidentityprovider"

	fa "feedbackadapter"
)

type sdk struct{ client *cip.CognitoIdentityProvider }

func (s *sdk) Start(m fa.Message, transport *fa.Transport) (map[string]string, error) {
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
		return nil, fmt.Errorf("session: %T", err)
	}
	// The capturing http.Client is given to the client, not the session: a
	// session applies AWS_CA_BUNDLE to its HTTPClient's transport, and
	// refuses one that is not an *http.Transport.
	s.client = cip.New(sess, &aws.Config{HTTPClient: &http.Client{Transport: transport}})
	return map[string]string{
		"name":     "aws-sdk-go",
		"version":  aws.SDKVersion,
		"language": "go",
		"homepage": "https://github.com/aws/aws-sdk-go",
		"build":    "Debian golang-github-aws-aws-sdk-go-dev, " + runtime.Version(),
	}, nil
}

func (s *sdk) Call(operation string, p map[string]string) (err error) {
	switch operation {
	case "UpdateAuthEventFeedback":
		_, err = s.client.UpdateAuthEventFeedback(&cip.UpdateAuthEventFeedbackInput{
			UserPoolId: fa.Optional(p, "UserPoolId"), Username: fa.Optional(p, "Username"), EventId: fa.Optional(p, "EventId"),
			FeedbackToken: fa.Optional(p, "FeedbackToken"), FeedbackValue: fa.Optional(p, "FeedbackValue"),
		})
	case "AdminUpdateAuthEventFeedback":
		_, err = s.client.AdminUpdateAuthEventFeedback(&cip.AdminUpdateAuthEventFeedbackInput{
			UserPoolId: fa.Optional(p, "UserPoolId"), Username: fa.Optional(p, "Username"), EventId: fa.Optional(p, "EventId"),
			FeedbackValue: fa.Optional(p, "FeedbackValue"),
		})
	default:
		err = fa.ErrNoSuchOperation
	}
	return
}

func (s *sdk) Unsent(err error) (bool, string) {
	var invalid request.ErrInvalidParams
	return errors.As(err, &invalid), fmt.Sprintf("%T", err)
}

func (s *sdk) Surfaced(err error) string {
	var aerr awserr.Error
	if errors.As(err, &aerr) {
		return aerr.Code()
	}
	return fmt.Sprintf("%T", err)
}

func main() { fa.Serve("aws-sdk-go", &sdk{}) }
