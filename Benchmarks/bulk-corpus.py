#!/usr/bin/env python3
"""The bulk-lint corpus: N lines of request bodies, valid and invalid, with
ASCII and non-ASCII usernames (\\u-escaped, as json.dumps writes them).

    python3 Benchmarks/bulk-corpus.py LINES > in.jsonl
"""
import json
import sys

users = ["alice", "山田太郎", "Zoë😀", "bad user", "a" * 129, ""]
out = sys.stdout
for i in range(int(sys.argv[1])):
    out.write(json.dumps({"UserPoolId": "us-east-1_EXAMPLE1", "Username": users[i % 6], "EventId": f"evt-{i}",
                          "FeedbackToken": "abc.def=", "FeedbackValue": "Valid" if i % 5 else "valid"}) + "\n")
