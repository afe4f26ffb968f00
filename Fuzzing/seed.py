#!/usr/bin/env python3
"""Writes seed corpora for the fuzz targets from the vectors.

  seed.py VECTORS_DIR OUT_DIR

OUT_DIR/FuzzBody/: each vector's body as sent (its `wire` text, else the
body as compact JSON). OUT_DIR/FuzzDifferential/: one file per string member
value of a body: a byte naming the member (its index in the engine's Member
order), then the value in UTF-8. OUT_DIR/FuzzHTTPResponse/: responses as
servers send them (a control byte, then the bytes): Cognito's error and
success answers with each framing (Content-Length, chunked, until close,
after 100 Continue), and the answers of the faulty test servers.
"""
import hashlib, json, os, sys

MEMBERS = ["UserPoolId", "Username", "EventId", "FeedbackToken", "FeedbackValue"]

def main(vectors, out):
    body_dir, diff_dir = os.path.join(out, "FuzzBody"), os.path.join(out, "FuzzDifferential")
    os.makedirs(body_dir, exist_ok=True)
    os.makedirs(diff_dir, exist_ok=True)
    def write(folder, data):
        with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
    for name in sorted(os.listdir(vectors)):
        if not name.endswith(".json") or name in ("flags.json", "schema.json"):
            continue
        for vector in json.load(open(os.path.join(vectors, name), encoding="utf-8")).get("tests", []):
            wire = vector.get("wire")
            body = wire.encode("utf-8", "surrogatepass") if wire is not None else \
                json.dumps(vector["body"], ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
            write(body_dir, body)
            # A vector whose wire text has no Unicode reading (lone surrogates) has no body.
            for key, value in vector.get("body", {}).items():
                if key in MEMBERS and isinstance(value, str):
                    write(diff_dir, bytes([MEMBERS.index(key)]) + value.encode("utf-8", "surrogatepass"))

    responses = os.path.join(out, "FuzzHTTPResponse")
    os.makedirs(responses, exist_ok=True)
    error = b'{"__type":"InvalidParameterException","message":"1 validation error detected"}'
    heads = [b"HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\n"
             b"x-amzn-ErrorType: InvalidParameterException:http://internal.amazon.com/coral/\r\n",
             b"HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\n"]
    for head in heads:
        for body in (error, b"{}"):
            length = head + b"Content-Length: %d\r\n\r\n" % len(body) + body
            chunked = head + b"Transfer-Encoding: chunked\r\n\r\n%x;x=y\r\n" % len(body) + body + b"\r\n0\r\nT: v\r\n\r\n"
            for control in (0xFF, 0x3C, 0x01):
                write(responses, bytes([control]) + length)
                write(responses, bytes([control]) + chunked)
                write(responses, bytes([control]) + head + b"\r\n" + body)
                write(responses, bytes([control]) + b"HTTP/1.1 100 Continue\r\n\r\n" + length)
    write(responses, bytes([0x80]) + b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7fffffffffffffff\r\n")
    write(responses, bytes([0x80]) + b"HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n")

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
