#!/usr/bin/env python3
"""Client adapter for aiobotocore (Conformance/PROTOCOL.md, protocol version 1).

Pinned: aiobotocore 3.10.0 from PyPI with the botocore it requires
(1.43.117) and the rest of its dependencies, in a virtual environment of its
own (``Conformance/adapters/aiobotocore/.venv``, made by install.sh from
requirements.txt), since aiobotocore pins a botocore other than the botocore
adapter's. Run it with that environment's Python:

    Conformance/adapters/aiobotocore/.venv/bin/python Conformance/adapters/aiobotocore/adapter.py

Each case goes through a real aiobotocore ``cognito-idp`` client, with its
own parameter validation, signing and (async) error parsing, on one asyncio
event loop. Nothing reaches the network: an async ``before-send`` handler
captures the prepared request and returns an ``AioAWSResponse`` whose raw
body is read asynchronously, holding the runner's canned response. Retries
are off (``total_max_attempts=1``). ``ParamValidationError`` is replied as
``rejected``; a ``ClientError`` as its ``Error.Code``, exactly as the client
exposes it. Config and credentials files are empty temporary files, never
the user's.
"""
import asyncio
import base64
import contextlib
import json
import os
import sys
import tempfile

PROTOCOL_VERSION = 1
METHODS = {
    "UpdateAuthEventFeedback": "update_auth_event_feedback",
    "AdminUpdateAuthEventFeedback": "admin_update_auth_event_feedback",
}


class CannedBody:
    """The raw body aiobotocore reads from a response, asynchronously."""

    def __init__(self, data):
        self._data = data

    async def read(self, *_):
        data, self._data = self._data, b""
        return data


class Adapter:
    def __init__(self):
        self.client = None
        self.captured = None
        self.canned = None
        self.stack = contextlib.AsyncExitStack()
        self.files = tempfile.TemporaryDirectory(prefix="aiobotocore-adapter-")

    async def start(self, message):
        import aiobotocore
        import botocore
        from aiobotocore.config import AioConfig
        from aiobotocore.session import get_session

        for name, file in (("AWS_CONFIG_FILE", "config"), ("AWS_SHARED_CREDENTIALS_FILE", "credentials")):
            path = os.path.join(self.files.name, file)
            open(path, "w").close()
            os.environ[name] = path
        await self.stack.aclose()
        credentials = message["credentials"]
        session = get_session()
        self.client = await self.stack.enter_async_context(session.create_client(
            "cognito-idp",
            region_name=message["region"],
            endpoint_url=message["endpoint"],
            aws_access_key_id=credentials["accessKeyId"],
            aws_secret_access_key=credentials["secretAccessKey"],
            aws_session_token=credentials.get("sessionToken"),
            config=AioConfig(retries={"total_max_attempts": 1}),
        ))
        self.client.meta.events.register("before-send.cognito-idp.*", self.before_send)
        return {
            "version": PROTOCOL_VERSION,
            "implementation": {
                "name": "aiobotocore",
                "version": aiobotocore.__version__,
                "language": "python",
                "homepage": "https://github.com/aio-libs/aiobotocore",
                "botocore": botocore.__version__,
            },
        }

    async def before_send(self, request, **_):
        from aiobotocore.awsrequest import AioAWSResponse

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
        return AioAWSResponse(request.url, response["status"], response["headers"],
                              CannedBody(response["body"].encode("utf-8")))

    async def run(self, message):
        from botocore.exceptions import ClientError, ParamValidationError

        case_id = message["id"]
        method = METHODS.get(message["operation"])
        if method is None or not hasattr(self.client, method):
            return {"id": case_id, "unsupported": "aiobotocore has no such operation"}
        self.captured, self.canned = None, message["response"]
        try:
            await getattr(self.client, method)(**message["parameters"])
            surfaced = {"success": True}
        except ParamValidationError:
            # The message quotes the parameters: never forwarded.
            return {"id": case_id, "rejected": {}}
        except ClientError as error:
            surfaced = {"error": error.response.get("Error", {}).get("Code", "")}
        except Exception as error:  # what aiobotocore raised instead of a modelled error
            surfaced = {"error": type(error).__name__}
        if self.captured is None:
            return {"id": case_id, "error": "aiobotocore raised before sending"}
        return {"id": case_id, "request": self.captured, "surfaced": surfaced}


async def serve():
    adapter = Adapter()
    try:
        while True:
            line = sys.stdin.readline()  # one message at a time: blocking the loop is harmless
            if not line:
                return
            message = json.loads(line)
            command = message.get("cmd")
            if command == "start":
                if message.get("version") != PROTOCOL_VERSION:
                    reply = {"error": "unsupported protocol version"}
                else:
                    reply = await adapter.start(message)
            elif command == "run":
                try:
                    reply = await adapter.run(message)
                except Exception as error:  # a bug in the adapter: its type only
                    reply = {"id": message.get("id", ""), "error": type(error).__name__}
            elif command == "stop":
                return
            else:
                reply = {"error": "unknown command"}
            sys.stdout.write(json.dumps(reply) + "\n")
            sys.stdout.flush()
    finally:
        await adapter.stack.aclose()


if __name__ == "__main__":
    asyncio.run(serve())
