#!/usr/bin/env python3
"""Client adapter for botocore (Conformance/PROTOCOL.md, protocol version 1).

Runs each case through a real botocore ``cognito-idp`` client, with its own
parameter validation (the default), signing and error parsing. Nothing
reaches the network: a ``before-send`` hook captures the prepared request
and returns the runner's canned response instead.

    python3 Conformance/adapters/botocore/adapter.py

Retries are off (``total_max_attempts=1``): the runner feeds one answer per
case, and botocore would otherwise retry 500s and throttling errors. The
protocol plumbing is shared with the other Python adapters
(``../python/feedback_adapter.py``).
"""
import os
import sys

import botocore
import botocore.session
from botocore.awsrequest import AWSResponse
from botocore.config import Config
from botocore.exceptions import ClientError, ParamValidationError

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "python"))
import feedback_adapter  # noqa: E402  (the Python adapters' shared plumbing)


class Adapter:
    def __init__(self):
        self.client = None
        self.capture = feedback_adapter.Capture()

    def start(self, message):
        session = botocore.session.get_session()
        self.client = session.create_client(
            "cognito-idp", config=Config(retries={"total_max_attempts": 1}),
            **feedback_adapter.client_arguments(message))
        self.client.meta.events.register("before-send.cognito-idp.*", self.before_send)
        return {
            "version": feedback_adapter.PROTOCOL_VERSION,
            "implementation": {
                "name": "botocore",
                "version": botocore.__version__,
                "language": "python",
                "homepage": "https://github.com/boto/botocore",
            },
        }

    def before_send(self, request, **_):
        return self.capture.answer(request, AWSResponse)

    def run(self, message):
        case_id = message["id"]
        method = feedback_adapter.CLIENT_METHODS.get(message["operation"])
        if method is None or not hasattr(self.client, method):
            return {"id": case_id, "unsupported": "botocore has no such operation"}
        self.capture.expect(message["response"])
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
        if self.capture.request is None:
            return {"id": case_id, "error": "botocore raised before sending"}
        return {"id": case_id, "request": self.capture.request, "surfaced": surfaced}


if __name__ == "__main__":
    feedback_adapter.serve(Adapter())
