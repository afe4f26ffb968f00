#!/usr/bin/env python3
"""Writes seed corpora for the fuzz targets from the vectors.

  seed.py VECTORS_DIR OUT_DIR

OUT_DIR/FuzzBody/: each vector's body as sent (its `wire` text, else the
body as compact JSON). OUT_DIR/FuzzDifferential/: one file per string member
value of a body: a byte naming the member (its index in the engine's Member
order), then the value in UTF-8.
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

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
