#!/usr/bin/env python3
"""Checks the adapter protocol's JSON Schema against real traffic.

Validates the schema itself (draft 2020-12), a sample of runner commands,
and every reply of the adapters given on the command line (default: the
botocore adapter and the fixture adapter) to those commands; and checks
that malformed replies are refused.

    python3 Conformance/check_protocol.py [ADAPTER-COMMAND ...]
"""
import json
import shlex
import subprocess
import sys
from pathlib import Path

import jsonschema

HERE = Path(__file__).resolve().parent
SCHEMA = json.loads((HERE / "adapter-protocol.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(SCHEMA)


def validator(name):
    return jsonschema.Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": SCHEMA["$defs"]})


COMMANDS = [
    {"cmd": "start", "version": 1, "region": "us-east-1", "endpoint": "https://cognito-idp.us-east-1.amazonaws.com",
     "credentials": {"accessKeyId": "AKIDCOGNITOFEEDBACK", "secretAccessKey": "conformance-test-secret"}},
    {"cmd": "run", "id": "sample.valid.admin", "operation": "AdminUpdateAuthEventFeedback",
     "parameters": {"UserPoolId": "us-east-1_EXAMPLE1", "Username": "ren\u00e9e", "EventId": "e-1", "FeedbackValue": "Valid"},
     "response": {"status": 400, "headers": {"X-Amzn-ErrorType": "UserNotFoundException:http://internal/"},
                  "body": "{\"message\":\"m\"}"}},
    {"cmd": "run", "id": "sample.invalid.update", "operation": "UpdateAuthEventFeedback",
     "parameters": {"UserPoolId": "", "FeedbackValue": "valid"},
     "response": {"status": 400, "headers": {}, "body": "{\"__type\":\"InvalidParameterException\"}"}},
    {"cmd": "stop"},
]
MALFORMED = [
    {"id": "a", "rejected": {}, "unsupported": "x"},
    {"request": {}},
    {"id": "a", "request": {"method": "POST", "headers": {}, "body": ""}, "surfaced": {"success": True}},
    {"id": "a", "request": {"method": "POST", "url": "https://h/", "headers": {}, "body": ""}, "surfaced": {"success": False}},
]


def main(adapters):
    for command in COMMANDS:
        validator("command").validate(command)
    for bad in MALFORMED:
        if validator("reply").is_valid(bad):
            sys.exit(f"the schema accepts a malformed reply: {bad}")
    lines = "".join(json.dumps(command) + "\n" for command in COMMANDS)
    for adapter in adapters:
        out = subprocess.run(shlex.split(adapter), input=lines, capture_output=True, text=True, timeout=60).stdout
        replies = [json.loads(line) for line in out.splitlines()]
        if len(replies) != len(COMMANDS) - 1:
            sys.exit(f"{adapter}: {len(replies)} replies to {len(COMMANDS) - 1} commands")
        validator("started").validate(replies[0])
        for reply in replies[1:]:
            validator("reply").validate(reply)
        print(f"{adapter}: {len(replies)} replies valid")


if __name__ == "__main__":
    main(sys.argv[1:] or [f"python3 {HERE / 'adapters/botocore/adapter.py'}",
                          f"python3 {HERE / 'fixtures/faulty_adapter.py'} none"])
