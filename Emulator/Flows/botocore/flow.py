#!/usr/bin/env python3
"""The "this wasn't me" flow with botocore against cognito-feedback-emulator.

Seeded with Emulator/seed.example.json. Sends feedback with the event's token
(UpdateAuthEventFeedback, unsigned, as botocore sends it) and as an admin
(AdminUpdateAuthEventFeedback, signed), reads both back with
AdminListUserAuthEvents (paginated), and checks that a wrong token and an
unknown user are refused with their modelled errors.

    python3 Emulator/Flows/botocore/flow.py http://127.0.0.1:PORT

Exit 0 when every step answers as expected; 1 with the failing step.
"""
import sys

import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

POOL = "us-east-1_EXAMPLE1"
USER = "alice"
EVENT = "9f3c2e1a-4b5d-4e6f-8a7b-0c1d2e3f4a5b"
TOKEN = "AYADeGV4YW1wbGUtZmVlZGJhY2stdG9rZW4.c2lnbmF0dXJl-_="
OLDER = "e-older"


def fail(step, detail):
    print(f"botocore flow: FAIL {step}: {detail}")
    sys.exit(1)


def error_code(call, **params):
    try:
        call(**params)
    except ClientError as error:
        return error.response["Error"]["Code"]
    return None


def main():
    endpoint = sys.argv[1]
    session = botocore.session.get_session()
    client = session.create_client(
        "cognito-idp", region_name="us-east-1", endpoint_url=endpoint,
        aws_access_key_id="AKIDCOGNITOFEEDBACK", aws_secret_access_key="conformance-test-secret",
        config=Config(retries={"max_attempts": 1}))

    client.update_auth_event_feedback(UserPoolId=POOL, Username=USER, EventId=EVENT, FeedbackToken=TOKEN,
                                      FeedbackValue="Invalid")
    client.admin_update_auth_event_feedback(UserPoolId=POOL, Username=USER, EventId=OLDER, FeedbackValue="Valid")

    events = []
    pages = client.get_paginator("admin_list_user_auth_events").paginate(
        UserPoolId=POOL, Username=USER, PaginationConfig={"PageSize": 1})
    page_count = 0
    for page in pages:
        page_count += 1
        events += page["AuthEvents"]
    if page_count != 2:
        fail("paging", f"{page_count} pages of one event, expected 2")
    by_id = {event["EventId"]: event for event in events}
    if list(by_id) != [EVENT, OLDER]:
        fail("listing", f"events {list(by_id)}, expected newest first {[EVENT, OLDER]}")
    feedback = by_id[EVENT].get("EventFeedback", {})
    if feedback.get("FeedbackValue") != "Invalid" or feedback.get("Provider") != "USER" or "FeedbackDate" not in feedback:
        fail("user feedback read back", feedback)
    feedback = by_id[OLDER].get("EventFeedback", {})
    if feedback.get("FeedbackValue") != "Valid" or feedback.get("Provider") != "ADMIN":
        fail("admin feedback read back", feedback)

    code = error_code(client.update_auth_event_feedback, UserPoolId=POOL, Username=USER, EventId=EVENT,
                      FeedbackToken="wrong.token", FeedbackValue="Valid")
    if code != "NotAuthorizedException":
        fail("wrong token", code)
    code = error_code(client.update_auth_event_feedback, UserPoolId=POOL, Username="mallory", EventId=EVENT,
                      FeedbackToken=TOKEN, FeedbackValue="Valid")
    if code != "UserNotFoundException":
        fail("unknown user", code)
    code = error_code(client.admin_list_user_auth_events, UserPoolId=POOL, Username="mallory")
    if code != "UserNotFoundException":
        fail("unknown user listed", code)
    code = error_code(client.admin_update_auth_event_feedback, UserPoolId=POOL, Username=USER, EventId=EVENT,
                      FeedbackValue="valid")
    if code != "InvalidParameterException":
        fail("enum case", code)
    print(f"botocore flow: ok (botocore {botocore.__version__}: feedback recorded and read back over 2 pages; "
          "wrong token, unknown user and a bad enum refused with their modelled errors)")


if __name__ == "__main__":
    main()
