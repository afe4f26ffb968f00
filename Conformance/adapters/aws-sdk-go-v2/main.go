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
// ErrorCode(), exactly as the SDK exposes it. The protocol plumbing
// (messages, the recording transport, the read-reply loop) is the Go
// adapters' shared package, Conformance/adapters/go/src/feedbackadapter.
package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/aws/smithy-go"

	fa "feedbackadapter"
)

// capture is the client's HTTPClient: the SDK calls Do with the request its
// middleware stack serialised and signed.
type capture struct{ *fa.Transport }

func (c *capture) Do(req *http.Request) (*http.Response, error) { return c.RoundTrip(req) }

type sdk struct{ client *cip.Client }

func (s *sdk) Start(m fa.Message, transport *fa.Transport) (map[string]string, error) {
	s.client = cip.New(cip.Options{
		Region: m.Region,
		Credentials: aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider(
			m.Credentials.AccessKeyID, m.Credentials.SecretAccessKey, m.Credentials.SessionToken)),
		EndpointResolver: cip.EndpointResolverFromURL(m.Endpoint),
		HTTPClient:       &capture{transport},
		Retryer:          aws.NopRetryer{},
	})
	return map[string]string{
		"name":     "aws-sdk-go-v2",
		"version":  aws.SDKVersion,
		"language": "go",
		"homepage": "https://github.com/aws/aws-sdk-go-v2",
		"service":  "service/cognitoidentityprovider " + serviceModuleVersion + ", smithy-go 1.13.3",
		"build":    "Debian golang-github-aws-aws-sdk-go-v2-dev, " + runtime.Version(),
	}, nil
}

// serviceModuleVersion is service/cognitoidentityprovider's goModuleVersion
// (unexported) in Debian's 1.17.1-3 package, and smithy-go is 1.13.3-2;
// both pinned by install.sh.
const serviceModuleVersion = "1.21.1"

func (s *sdk) Call(operation string, p map[string]string) (err error) {
	// FeedbackValue is an enum, a string type in v2: an absent member can
	// only be the zero value "", the same as an empty one.
	feedbackValue := types.FeedbackValueType(p["FeedbackValue"])
	ctx := context.Background()
	switch operation {
	case "UpdateAuthEventFeedback":
		_, err = s.client.UpdateAuthEventFeedback(ctx, &cip.UpdateAuthEventFeedbackInput{
			UserPoolId: fa.Optional(p, "UserPoolId"), Username: fa.Optional(p, "Username"), EventId: fa.Optional(p, "EventId"),
			FeedbackToken: fa.Optional(p, "FeedbackToken"), FeedbackValue: feedbackValue,
		})
	case "AdminUpdateAuthEventFeedback":
		_, err = s.client.AdminUpdateAuthEventFeedback(ctx, &cip.AdminUpdateAuthEventFeedbackInput{
			UserPoolId: fa.Optional(p, "UserPoolId"), Username: fa.Optional(p, "Username"), EventId: fa.Optional(p, "EventId"),
			FeedbackValue: feedbackValue,
		})
	default:
		err = fa.ErrNoSuchOperation
	}
	return
}

func (s *sdk) Unsent(err error) (bool, string) {
	var invalid smithy.InvalidParamsError
	return errors.As(err, &invalid), fmt.Sprintf("%T", errors.Unwrap(err))
}

func (s *sdk) Surfaced(err error) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}
	// Not an API error (a deserialisation error, say): its Go type, innermost first.
	inner := err
	for errors.Unwrap(inner) != nil {
		inner = errors.Unwrap(inner)
	}
	return fmt.Sprintf("%T", inner)
}

func main() { fa.Serve("aws-sdk-go-v2", &sdk{}) }
