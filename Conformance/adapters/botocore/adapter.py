#!/usr/bin/env python3
"""Client adapter for botocore (Conformance/PROTOCOL.md, protocol version 1).

Runs each case through a real botocore ``cognito-idp`` client, with its own
parameter validation (the default), signing and error parsing. Nothing
reaches the network: a ``before-send`` hook captures the prepared request
and returns the runner's canned response instead.

    python3 Conformance/adapters/botocore/adapter.py

Retries are off (``total_max_attempts=1``): the runner feeds one answer per
case, and botocore would otherwise retry 500s and throttling errors.
"""
import base64
import json
import sys

import botocore
import botocore.session
from botocore.awsrequest import AWSResponse
from botocore.config import Config
from botocore.exceptions import ClientError, ParamValidationError

PROTOCOL_VERSION = 1
METHODS = {
    "UpdateAuthEventFeedback": "update_auth_event_feedback",
    "AdminUpdateAuthEventFeedback": "admin_update_auth_event_feedback",
}


class CannedBody:
    """The raw body botocore reads from a response."""

    def __init__(self, data):
        self._data = data

    def stream(self, **_):
        if self._data:
            yield self._data

    def read(self, *_):
        data, self._data = self._data, b""
        return data


class Adapter:
    def __init__(self):
        self.client = None
        self.captured = None
        self.canned = None

    def start(self, message):
        credentials = message["credentials"]
        session = botocore.session.get_session()
        self.client = session.create_client(
            "cognito-idp",
            region_name=message["region"],
            endpoint_url=message["endpoint"],
            aws_access_key_id=credentials["accessKeyId"],
            aws_secret_access_key=credentials["secretAccessKey"],
            aws_session_token=credentials.get("sessionToken"),
            config=Config(retries={"total_max_attempts": 1}),
        )
        self.client.meta.events.register("before-send.cognito-idp.*", self.before_send)
        return {
            "version": PROTOCOL_VERSION,
            "implementation": {
                "name": "botocore",
                "version": botocore.__version__,
                "language": "python",
                "homepage": "https://github.com/boto/botocore",
            },
        }

    def before_send(self, request, **_):
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        headers = {}
        for name, value in request.headers.items():
            headers[name] = value.decode("utf-8") if isinstance(value, bytes) else str(value)
        sent = {"method": request.method, "url": request.url, "headers": headers}
        try:
            sent["body"] = body.decode("utf-8")
        except UnicodeDecodeError:
            sent["bodyBase64"] = base64.b64encode(body).decode("ascii")
        self.captured = sent
        response = self.canned
        return AWSResponse(request.url, response["status"], response["headers"],
                           CannedBody(response["body"].encode("utf-8")))

    def run(self, message):
        case_id = message["id"]
        method = METHODS.get(message["operation"])
        if method is None or not hasattr(self.client, method):
            return {"id": case_id, "unsupported": "botocore has no such operation"}
        self.captured, self.canned = None, message["response"]
        try:
            getattr(self.client, method)(**message["parameters"])
            surfaced = {"success": True}
        except ParamValidationError:
            # botocore's message quotes the parameters: never forwarded.
            return {"id": case_id, "rejected": {}}
        except ClientError as error:
            surfaced = {"error": error.response.get("Error", {}).get("Code", "")}
        except Exception as error:  # what botocore raised instead of a modelled error
            surfaced = {"error": type(error).__name__}
        if self.captured is None:
            return {"id": case_id, "error": "botocore raised before sending"}
        return {"id": case_id, "request": self.captured, "surfaced": surfaced}


def main():
    adapter = Adapter()
    for line in sys.stdin:
        message = json.loads(line)
        command = message.get("cmd")
        if command == "start":
            if message.get("version") != PROTOCOL_VERSION:
                reply = {"error": "unsupported protocol version"}
            else:
                reply = adapter.start(message)
        elif command == "run":
            reply = adapter.run(message)
        elif command == "stop":
            return
        else:
            reply = {"error": "unknown command"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
