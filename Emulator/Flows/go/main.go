// The "this wasn't me" flow with aws-sdk-go-v2 against cognito-feedback-emulator.
//
// Seeded with Emulator/seed.example.json. Sends feedback with the event's
// token (UpdateAuthEventFeedback; this SDK version signs it, which the
// service allows) and as an admin, reads both back with
// AdminListUserAuthEvents, and checks that a wrong token and an unknown user
// are refused with their modelled errors.
//
//	cognito-feedback-emulator-go-flow http://127.0.0.1:PORT
//
// Exit 0 when every step answers as expected; 1 with the failing step.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/aws/smithy-go"
)

const (
	pool  = "us-east-1_EXAMPLE1"
	user  = "alice"
	event = "9f3c2e1a-4b5d-4e6f-8a7b-0c1d2e3f4a5b"
	token = "AYADeGV4YW1wbGUtZmVlZGJhY2stdG9rZW4.c2lnbmF0dXJl-_="
	older = "e-older"
)

func fail(step string, detail interface{}) {
	fmt.Printf("aws-sdk-go-v2 flow: FAIL %s: %v\n", step, detail)
	os.Exit(1)
}

func code(err error) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}
	if err == nil {
		return "no error"
	}
	return err.Error()
}

func main() {
	client := cip.New(cip.Options{
		Region: "us-east-1",
		Credentials: aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider(
			"AKIDCOGNITOFEEDBACK", "conformance-test-secret", "")),
		EndpointResolver: cip.EndpointResolverFromURL(os.Args[1]),
		Retryer:          aws.NopRetryer{},
	})
	ctx := context.Background()
	if _, err := client.UpdateAuthEventFeedback(ctx, &cip.UpdateAuthEventFeedbackInput{
		UserPoolId: aws.String(pool), Username: aws.String(user), EventId: aws.String(event),
		FeedbackToken: aws.String(token), FeedbackValue: types.FeedbackValueTypeInvalid,
	}); err != nil {
		fail("user feedback", code(err))
	}
	if _, err := client.AdminUpdateAuthEventFeedback(ctx, &cip.AdminUpdateAuthEventFeedbackInput{
		UserPoolId: aws.String(pool), Username: aws.String(user), EventId: aws.String(older),
		FeedbackValue: types.FeedbackValueTypeValid,
	}); err != nil {
		fail("admin feedback", code(err))
	}
	var events []types.AuthEventType
	pages := 0
	paginator := cip.NewAdminListUserAuthEventsPaginator(client, &cip.AdminListUserAuthEventsInput{
		UserPoolId: aws.String(pool), Username: aws.String(user), MaxResults: aws.Int32(1),
	})
	for paginator.HasMorePages() {
		page, err := paginator.NextPage(ctx)
		if err != nil {
			fail("listing", code(err))
		}
		pages++
		events = append(events, page.AuthEvents...)
	}
	if pages != 2 || len(events) != 2 || aws.ToString(events[0].EventId) != event || aws.ToString(events[1].EventId) != older {
		fail("paging", fmt.Sprintf("%d pages, %d events", pages, len(events)))
	}
	if f := events[0].EventFeedback; f == nil || f.FeedbackValue != types.FeedbackValueTypeInvalid ||
		aws.ToString(f.Provider) != "USER" || f.FeedbackDate == nil {
		fail("user feedback read back", f)
	}
	if f := events[1].EventFeedback; f == nil || f.FeedbackValue != types.FeedbackValueTypeValid || aws.ToString(f.Provider) != "ADMIN" {
		fail("admin feedback read back", f)
	}
	_, err := client.UpdateAuthEventFeedback(ctx, &cip.UpdateAuthEventFeedbackInput{
		UserPoolId: aws.String(pool), Username: aws.String(user), EventId: aws.String(event),
		FeedbackToken: aws.String("wrong.token"), FeedbackValue: types.FeedbackValueTypeValid,
	})
	var notAuthorized *types.NotAuthorizedException
	if !errors.As(err, &notAuthorized) {
		fail("wrong token", code(err))
	}
	_, err = client.UpdateAuthEventFeedback(ctx, &cip.UpdateAuthEventFeedbackInput{
		UserPoolId: aws.String(pool), Username: aws.String("mallory"), EventId: aws.String(event),
		FeedbackToken: aws.String(token), FeedbackValue: types.FeedbackValueTypeValid,
	})
	var userNotFound *types.UserNotFoundException
	if !errors.As(err, &userNotFound) {
		fail("unknown user", code(err))
	}
	fmt.Printf("aws-sdk-go-v2 flow: ok (%s: feedback recorded and read back over 2 pages; wrong token and unknown user refused "+
		"with their modelled errors, as typed errors)\n", aws.SDKVersion)
}
