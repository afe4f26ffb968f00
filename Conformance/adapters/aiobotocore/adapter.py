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
the user's. The protocol plumbing is shared with the other Python adapters
(``../python/feedback_adapter.py``, standard library only), but for this
loop, which awaits.
"""
import asyncio
import contextlib
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "python"))
import feedback_adapter  # noqa: E402  (the Python adapters' shared plumbing)


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
        self.capture = feedback_adapter.Capture()
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
        session = get_session()
        self.client = await self.stack.enter_async_context(session.create_client(
            "cognito-idp", config=AioConfig(retries={"total_max_attempts": 1}),
            **feedback_adapter.client_arguments(message)))
        self.client.meta.events.register("before-send.cognito-idp.*", self.before_send)
        return {
            "version": feedback_adapter.PROTOCOL_VERSION,
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

        return self.capture.answer(request, AioAWSResponse, CannedBody)

    async def run(self, message):
        from botocore.exceptions import ClientError, ParamValidationError

        case_id = message["id"]
        method = feedback_adapter.CLIENT_METHODS.get(message["operation"])
        if method is None or not hasattr(self.client, method):
            return {"id": case_id, "unsupported": "aiobotocore has no such operation"}
        self.capture.expect(message["response"])
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
        if self.capture.request is None:
            return {"id": case_id, "error": "aiobotocore raised before sending"}
        return {"id": case_id, "request": self.capture.request, "surfaced": surfaced}


async def serve():
    adapter = Adapter()
    try:
        # One message at a time from standard input: blocking the loop is harmless.
        for message in feedback_adapter.commands():
            if message["cmd"] == "start":
                reply = await adapter.start(message)
            else:
                try:
                    reply = await adapter.run(message)
                except Exception as error:  # a bug in the adapter: its type only
                    reply = feedback_adapter.failure(message, error)
            feedback_adapter.reply(reply)
    finally:
        await adapter.stack.aclose()


if __name__ == "__main__":
    asyncio.run(serve())
