"""What the Python client adapters share (Conformance/PROTOCOL.md, protocol version 1).

The protocol plumbing of the botocore, awscli and aiobotocore adapters: a
``Capture`` that a ``before-send`` handler hands botocore's prepared
``AWSRequest`` to, which records it as the protocol's ``request`` object and
answers the case's canned response; ``client_arguments()`` and
``CLIENT_METHODS``, the start and run messages in botocore's terms;
``commands()``, the runner's messages
read from standard input (start with its version checked, run, stop,
unknown commands); ``reply()``; and ``serve()``, the read-reply loop of a
synchronous adapter. Each adapter puts this folder on ``sys.path`` from its
own ``__file__`` and keeps what is its SDK's: the client, the call, how the
error code is read.

Standard library only: the aiobotocore adapter imports it from its own
virtual environment, and botocore's classes are passed in, never imported.
"""
import base64
import json
import sys

PROTOCOL_VERSION = 1
# The protocol's operations as botocore (and aiobotocore) client methods.
CLIENT_METHODS = {
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


def client_arguments(message):
    """A start message's region, endpoint and credentials as keyword arguments
    of botocore's (and aiobotocore's) ``create_client``."""
    credentials = message["credentials"]
    return {
        "region_name": message["region"],
        "endpoint_url": message["endpoint"],
        "aws_access_key_id": credentials["accessKeyId"],
        "aws_secret_access_key": credentials["secretAccessKey"],
        "aws_session_token": credentials.get("sessionToken"),
    }


def request_object(request):
    """The protocol's ``request`` object for a prepared botocore ``AWSRequest``:
    method, URL, every header, and the body as text, or base64 when it is not UTF-8."""
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
    return sent


class Capture:
    """One case's request, as a ``before-send`` handler sees it, and the canned response it answers."""

    def __init__(self):
        self.request = None  # the protocol's request object, once the client sent one
        self.canned = None

    def expect(self, canned):
        """Starts a case: nothing sent yet, ``canned`` (the run message's ``response``) to answer."""
        self.request, self.canned = None, canned

    def answer(self, request, response_class, body_class=CannedBody):
        """Records ``request`` and returns the canned response as a ``response_class``
        (botocore's ``AWSResponse`` or the like) whose raw body is a ``body_class``."""
        self.request = request_object(request)
        canned = self.canned
        return response_class(request.url, canned["status"], canned["headers"],
                              body_class(canned["body"].encode("utf-8")))


def reply(value):
    """Writes one reply, one JSON line."""
    sys.stdout.write(json.dumps(value) + "\n")
    sys.stdout.flush()


def failure(message, error):
    """The reply to a run the adapter failed at (a bug in the adapter): the error's type only."""
    return {"id": message.get("id", ""), "error": type(error).__name__}


def commands():
    """Yields each start message of this protocol version and each run message
    on standard input, replying to the others itself; returns at stop or the
    end of the input."""
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            message = json.loads(line)
        except ValueError:
            reply({"error": "malformed message"})
            continue
        command = message.get("cmd") if isinstance(message, dict) else None
        if command == "start":
            if message.get("version") != PROTOCOL_VERSION:
                reply({"error": "unsupported protocol version"})
            else:
                yield message
        elif command == "run":
            yield message
        elif command == "stop":
            return
        else:
            reply({"error": "unknown command"})


def serve(adapter):
    """The loop of a synchronous adapter: replies ``adapter.start(message)`` and
    ``adapter.run(message)``; an exception in run (a bug in the adapter) is
    replied as a ``failure`` instead of ending the adapter."""
    for message in commands():
        if message["cmd"] == "start":
            reply(adapter.start(message))
            continue
        try:
            answer = adapter.run(message)
        except Exception as error:  # a bug in the adapter: its type only
            answer = failure(message, error)
        reply(answer)
