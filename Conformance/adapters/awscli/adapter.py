#!/usr/bin/env python3
"""Client adapter for the AWS CLI v1 (Conformance/PROTOCOL.md, protocol version 1).

Pinned: awscli 1.45.11 from PyPI (whose botocore is 1.43.11, the same as the
botocore adapter's), installed by install.sh. Each case is the command line
a user would type,

    aws cognito-idp update-auth-event-feedback --endpoint-url URL --region R
        --user-pool-id V --username V --event-id V --feedback-token V --feedback-value V

(``admin-update-auth-event-feedback`` without ``--feedback-token``), each
value passed exactly as given as the word after its option, an absent member
as an absent option. It runs in process for speed: one
``awscli.clidriver.create_clidriver()``, then ``driver.main(args)`` per case,
so the CLI's own argument parsing, parameter-file handling
(``file://``, ``fileb://``, ``http(s)://`` prefixes), botocore validation,
signing and error parsing all apply. Nothing reaches the network: a
``before-send.cognito-idp`` handler on the driver's session records the
prepared request and returns the runner's canned response. The surfaced
error is what the CLI prints, the code in "An error occurred (CODE) when
calling the ... operation"; success is exit status 0.

No request and a non-zero exit is ``rejected`` when the CLI refused the
command line (argparse's usage error, exit 2, or awscli's "Parameter
validation failed", exit 252/255), and an adapter ``error`` otherwise.

Credentials come from ``start`` through the environment (AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) as a user would set them; the
config and credentials files are empty temporary files, never the user's;
retries are off (AWS_MAX_ATTEMPTS=1).

One difference from a shell: a value holding U+0000 can be given in process
but never on a real command line (execve's arguments are C strings), so a
user could not type those cases at all. The protocol plumbing is shared with
the other Python adapters (``../python/feedback_adapter.py``).
"""
import contextlib
import io
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "python"))
import feedback_adapter  # noqa: E402  (the Python adapters' shared plumbing)

COMMANDS = {
    "UpdateAuthEventFeedback": "update-auth-event-feedback",
    "AdminUpdateAuthEventFeedback": "admin-update-auth-event-feedback",
}
OPTIONS = {
    "UserPoolId": "--user-pool-id",
    "Username": "--username",
    "EventId": "--event-id",
    "FeedbackToken": "--feedback-token",
    "FeedbackValue": "--feedback-value",
}
CLIENT_ERROR = re.compile(r"An error occurred \((.*?)\) when calling the \w+ operation")


class Adapter:
    def __init__(self):
        self.driver = None
        self.settings = None
        self.capture = feedback_adapter.Capture()
        self.files = tempfile.TemporaryDirectory(prefix="awscli-adapter-")

    def start(self, message):
        credentials = message["credentials"]
        config = os.path.join(self.files.name, "config")
        shared = os.path.join(self.files.name, "credentials")
        for path in (config, shared):
            open(path, "w").close()
        for name in list(os.environ):
            if name.startswith("AWS_"):
                del os.environ[name]
        os.environ.update({
            "AWS_CONFIG_FILE": config,
            "AWS_SHARED_CREDENTIALS_FILE": shared,
            "AWS_ACCESS_KEY_ID": credentials["accessKeyId"],
            "AWS_SECRET_ACCESS_KEY": credentials["secretAccessKey"],
            "AWS_MAX_ATTEMPTS": "1",
            "AWS_DEFAULT_OUTPUT": "json",
        })
        if credentials.get("sessionToken"):
            os.environ["AWS_SESSION_TOKEN"] = credentials["sessionToken"]
        import awscli
        import botocore
        from awscli.clidriver import create_clidriver

        self.driver = create_clidriver()
        self.driver.session.register("before-send.cognito-idp", self.before_send)
        self.settings = message
        return {
            "version": feedback_adapter.PROTOCOL_VERSION,
            "implementation": {
                "name": "awscli",
                "version": awscli.__version__,
                "language": "python",
                "homepage": "https://github.com/aws/aws-cli",
                "botocore": botocore.__version__,
                "interface": "the aws command line, in process",
            },
        }

    def before_send(self, request, **_):
        from botocore.awsrequest import AWSResponse

        return self.capture.answer(request, AWSResponse)

    def run(self, message):
        case_id = message["id"]
        command = COMMANDS.get(message["operation"])
        if command is None:
            return {"id": case_id, "unsupported": "awscli has no such command"}
        args = ["cognito-idp", command,
                "--endpoint-url", self.settings["endpoint"], "--region", self.settings["region"]]
        for name, value in message["parameters"].items():
            args += [OPTIONS.get(name, "--" + name), value]
        self.capture.expect(message["response"])
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = self.driver.main(args)
            except SystemExit as exit:  # argparse's usage errors
                status = exit.code if isinstance(exit.code, int) else 2
        text = err.getvalue()
        if self.capture.request is None:
            # Never forwarded: the CLI's messages quote the values.
            if status == 2 and "usage:" in text:
                return {"id": case_id, "rejected": {}}
            if status != 0 and "Parameter validation failed" in text:
                return {"id": case_id, "rejected": {}}
            return {"id": case_id, "error": f"the aws command exited with status {status} before sending"}
        if status == 0:
            surfaced = {"success": True}
        else:
            found = CLIENT_ERROR.search(text)
            if found is None:
                return {"id": case_id,
                        "error": f"the aws command exited with status {status} without an error code"}
            surfaced = {"error": found.group(1)}
        return {"id": case_id, "request": self.capture.request, "surfaced": surfaced}


if __name__ == "__main__":
    feedback_adapter.serve(Adapter())
