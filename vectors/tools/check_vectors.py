#!/usr/bin/env python3
"""Check the test-vector files in vectors/ for format and consistency.

Usage: python3 vectors/tools/check_vectors.py [--flag-counts] [VECTORS_DIR]

VECTORS_DIR defaults to the vectors directory this script lives in
(vectors/tools/..). Every VECTORS_DIR/*.json file other than schema.json and
flags.json is a topic file.

Checks:
  - every topic file validates against schema.json (draft 2020-12);
  - flags.json validates against schema.json#/$defs/flagsFile;
  - no duplicate keys and no NaN/Infinity in any file (outside request bodies);
  - topic equals the file name without .json;
  - vector ids are unique across all files;
  - every flag used is defined in flags.json, and every defined flag is used
    by at least MIN_FLAG_USES vectors;
  - result "valid" <=> expected null; "invalid"/"acceptable" <=> an object;
  - errorType SerializationException <=> aggregate message null <=> every
    violation has constraint "type";
  - violation path is the lowerCamelCase of its member; the member belongs to
    the operation (FeedbackToken never in AdminUpdateAuthEventFeedback); the
    constraint can apply to the member; no (member, constraint) pair twice;
  - the aggregate message is "N validation error(s) detected: " followed by
    the violations' messages, in their listed order, joined by "; ";
  - a vector whose appliesTo has "client" has a body a typed client can send
    (vectors/README.md): only the operation's members, each a string;
  - a vector's optional "wire" text decodes to its body (a duplicate key
    keeping its last value), and its appliesTo has no "client";
  - no body holds a lone UTF-16 surrogate; a vector without a body has a
    wire text of one of three kinds, each with its flag (and the flag on
    such vectors only): one that holds a lone surrogate (a \\uXXXX escape
    of an unpaired surrogate; acceptable, allowing "refused",
    LoneSurrogate); an empty or white-space-only one (acceptable,
    EmptyBody, expecting a refusal and allowing the reading {}: every member
    of the operation required); one that is no JSON object (MalformedBody,
    expecting a refusal: SerializationException with a null message and no
    violation; invalid, or acceptable allowing the reading of the object it
    starts with when it is an object followed by more text, TrailingData);
  - SensitiveValue is on the vectors whose expected message redacts a
    sensitive value ("Value at 'username' ..."), and only on them;
    EveryTypeMismatch is on the vectors with several type violations, and
    only on them;
  - "alternatives" is present exactly when result is "acceptable": each
    "valid", "refused" or an error object checked as "expected" is, none
    equal to "expected", none twice; a refusal (alternative or expected)
    needs a wire text.

Output: one line per problem, then one summary line; exit status 1 on any
problem, 0 otherwise (2 for usage errors). Request bodies hold secrets
(Username, FeedbackToken): no line ever prints a body value, nor a message
(messages quote values); problems name files, vector ids, keys and schema
locations only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

try:
    import jsonschema
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
except ImportError:  # pragma: no cover
    print("check_vectors: the 'jsonschema' package is required (pip install jsonschema)", file=sys.stderr)
    sys.exit(2)

MIN_FLAG_USES = 3
NON_TOPIC_FILES = {"schema.json", "flags.json"}
# A refusal of the body, as an expected error.
REFUSAL = {"errorType": "SerializationException", "message": None, "violations": []}
ID_RE = re.compile(r"[a-z0-9][a-z0-9.-]*")

OPERATION_MEMBERS = {
    "UpdateAuthEventFeedback": ("UserPoolId", "Username", "EventId", "FeedbackToken", "FeedbackValue"),
    "AdminUpdateAuthEventFeedback": ("UserPoolId", "Username", "EventId", "FeedbackValue"),
}
SENSITIVE = {"Username", "FeedbackToken"}
MEMBER_PATH = {
    "UserPoolId": "userPoolId",
    "Username": "username",
    "EventId": "eventId",
    "FeedbackToken": "feedbackToken",
    "FeedbackValue": "feedbackValue",
}
# Which constraints the model attaches to each member (required and type apply to all).
MEMBER_CONSTRAINTS = {
    "UserPoolId": {"required", "type", "length", "pattern"},
    "Username": {"required", "type", "length", "pattern"},
    "EventId": {"required", "type", "length", "pattern"},
    "FeedbackToken": {"required", "type", "pattern"},
    "FeedbackValue": {"required", "type", "enum"},
}


class DupDict(dict):
    """A dict that remembers the keys that occurred more than once (last value wins)."""

    dup_keys: list[str]


def _pairs_hook(pairs):
    d = DupDict()
    dups = []
    for k, v in pairs:
        if k in d:
            dups.append(k)
        d[k] = v
    d.dup_keys = dups
    return d


def _reject_constant(name):
    raise ValueError(f"non-standard JSON constant {name}")


class LoadError(Exception):
    pass


def load_json(path: Path):
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise LoadError(f"cannot read: {e.strerror}")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise LoadError("starts with a UTF-8 byte order mark")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise LoadError(f"not UTF-8 (byte offset {e.start})")
    try:
        return json.loads(text, object_pairs_hook=_pairs_hook, parse_constant=_reject_constant)
    except json.JSONDecodeError as e:
        # e.msg never includes document text; position only.
        raise LoadError(f"invalid JSON: {e.msg} at line {e.lineno} column {e.colno}")
    except ValueError as e:
        raise LoadError(f"invalid JSON: {e}")
    except RecursionError:
        raise LoadError("invalid JSON: nested too deeply")


def find_dup_keys(node, where: str, skip_body: bool, out: list):
    """Collect (where, key) for duplicate keys; request bodies are skipped when skip_body."""
    if isinstance(node, DupDict):
        for k in node.dup_keys:
            out.append((where, k))
        for k, v in node.items():
            if skip_body and k == "body" and where.startswith("tests["):
                continue
            find_dup_keys(v, f"{where}.{k}" if where else k, skip_body, out)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            find_dup_keys(v, f"{where}[{i}]", skip_body, out)


def same_json(a, b) -> bool:
    """Deep equality of decoded JSON: true is not 1; numbers compare by value."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


def starts_with_object(text) -> bool:
    """Whether a text starts with a whole JSON object (after white space), whatever follows it."""
    try:
        value, _ = json.JSONDecoder().raw_decode(text, len(text) - len(text.lstrip(" \t\r\n")))
    except ValueError:
        return False
    return isinstance(value, dict)


def holds_lone_surrogate(value) -> bool:
    """Whether a decoded JSON value holds a string (key or value) with a lone UTF-16
    surrogate: Python's json keeps an unpaired \\uD800 escape as one code point."""
    if isinstance(value, str):
        return any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    if isinstance(value, dict):
        return any(holds_lone_surrogate(k) or holds_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(holds_lone_surrogate(v) for v in value)
    return False


def json_pointer(parts) -> str:
    return "/" + "/".join(str(p) for p in parts) if parts else "(top level)"


def _leaf_errors(err) -> list:
    out = []
    for e in err.context or []:
        if e.validator in ("oneOf", "anyOf", "allOf") and e.context:
            out.extend(_leaf_errors(e))
        else:
            out.append(e)
    return out


def safe_id(vid) -> str | None:
    """The id, if it has the documented form (so printing it cannot leak anything odd)."""
    if isinstance(vid, str) and ID_RE.fullmatch(vid):
        return vid
    return None


def describe_schema_error(err) -> str:
    """Describe a jsonschema error without ever quoting the instance value."""
    v = err.validator
    vv = err.validator_value
    inst = err.instance
    if v == "required":
        missing = [p for p in vv if isinstance(inst, dict) and p not in inst]
        return f"missing required {', '.join(missing) or vv}"
    if v == "additionalProperties":
        allowed = set((err.schema.get("properties") or {}).keys())
        extra = sorted(k for k in inst if k not in allowed) if isinstance(inst, dict) else []
        return f"unexpected key(s) {', '.join(repr(k) for k in extra)}"
    if v == "type":
        return f"must be of type {vv}"
    if v == "enum":
        return f"must be one of {', '.join(json.dumps(x) for x in vv)}"
    if v == "const":
        return f"must be {json.dumps(vv)}"
    if v == "pattern":
        return f"does not match pattern {vv}"
    if v == "not":
        if isinstance(vv, dict) and "const" in vv:
            return f"must not be {json.dumps(vv['const'])}"
        return "has a forbidden value"
    if v in ("minItems", "maxItems", "minLength", "maxLength", "minProperties", "uniqueItems"):
        return f"fails {v}: {json.dumps(vv)}"
    if v in ("oneOf", "anyOf") and err.context:
        leaves = _leaf_errors(err)
        # Drop "wrong type" errors at the instance itself: they come from the
        # alternatives the instance plainly is not (e.g. null when it is an object).
        relevant = [e for e in leaves if not (e.validator == "type" and len(e.absolute_path) == len(err.absolute_path))]
        shown = relevant or [best_match(err.context)]
        shown.sort(key=lambda e: -len(e.absolute_path))
        base = len(err.absolute_path)
        parts = [f"{json_pointer(list(e.absolute_path)[base:])}: {describe_schema_error(e)}" for e in shown[:3]]
        return f"matches none of the alternatives ({v}): " + "; ".join(parts)
    if v == "propertyNames" and err.context:
        return "has a key that " + describe_schema_error(err.context[0])
    return f"fails {v}"


class Checker:
    def __init__(self, vdir: Path):
        self.vdir = vdir
        self.problems: list[str] = []
        self.notes: list[str] = []
        self.schema_errors = 0
        self.n_vectors = 0
        self.n_files = 0
        self.flag_defs: dict | None = None
        self.flag_uses: Counter = Counter()
        self.id_seen: dict[str, str] = {}

    def problem(self, msg: str):
        self.problems.append(msg)
        print(msg)

    def schema_problem(self, msg: str):
        self.schema_errors += 1
        self.problem(msg)

    # ---------------------------------------------------------------- schema
    def load_schema(self):
        spath = self.vdir / "schema.json"
        try:
            schema = load_json(spath)
        except LoadError as e:
            self.schema_problem(f"schema.json: {e}")
            return None, None
        try:
            Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as e:
            self.schema_problem(f"schema.json: not a valid draft 2020-12 schema: {e.message}")
            return None, None
        topic_v = Draft202012Validator(schema)
        flags_v = None
        if isinstance(schema, dict) and "flagsFile" in (schema.get("$defs") or {}):
            flags_schema = {
                "$schema": schema.get("$schema", "https://json-schema.org/draft/2020-12/schema"),
                "$defs": schema["$defs"],
                "$ref": "#/$defs/flagsFile",
            }
            flags_v = Draft202012Validator(flags_schema)
        else:
            self.schema_problem("schema.json: has no $defs/flagsFile")
        return topic_v, flags_v

    def report_schema_errors(self, fname: str, doc, validator):
        for err in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
            parts = list(err.absolute_path)
            where = json_pointer(parts)
            label = ""
            if len(parts) >= 2 and parts[0] == "tests" and isinstance(parts[1], int):
                label = " " + self.vector_label(doc, parts[1])
            self.schema_problem(f"{fname}:{label} schema: at {where}: {describe_schema_error(err)}")

    @staticmethod
    def vector_label(doc, index: int) -> str:
        try:
            vid = doc["tests"][index].get("id")
        except Exception:
            vid = None
        if safe_id(vid):
            return f"{vid} (tests[{index}])"
        return f"tests[{index}]"

    # ----------------------------------------------------------------- flags
    def load_flags(self, flags_v):
        fpath = self.vdir / "flags.json"
        if not fpath.exists():
            self.problem("flags.json: missing")
            return
        try:
            doc = load_json(fpath)
        except LoadError as e:
            self.problem(f"flags.json: {e}")
            return
        dups: list = []
        find_dup_keys(doc, "", False, dups)
        for where, k in dups:
            self.problem(f"flags.json: duplicate key {k!r} at {where or '(top level)'}")
        if flags_v is not None:
            self.report_schema_errors("flags.json", doc, flags_v)
        if isinstance(doc, dict) and isinstance(doc.get("flags"), dict):
            self.flag_defs = doc["flags"]
        else:
            self.flag_defs = {}

    # ----------------------------------------------------------------- topics
    def check_topic_file(self, path: Path, topic_v):
        fname = path.name
        self.n_files += 1
        try:
            doc = load_json(path)
        except LoadError as e:
            self.problem(f"{fname}: {e}")
            return
        dups: list = []
        find_dup_keys(doc, "", True, dups)
        for where, k in dups:
            self.problem(f"{fname}: duplicate key {k!r} at {where or '(top level)'}")
        if topic_v is not None:
            self.report_schema_errors(fname, doc, topic_v)
        if not isinstance(doc, dict):
            return
        topic = doc.get("topic")
        if topic != path.stem:
            self.problem(f"{fname}: topic {json.dumps(topic) if isinstance(topic, str) else 'is missing or not a string'}"
                         f" does not equal the file name {path.stem!r}")
        tests = doc.get("tests")
        if not isinstance(tests, list):
            return
        for i, vec in enumerate(tests):
            self.n_vectors += 1
            if isinstance(vec, dict):
                self.check_vector(fname, i, vec)

    def check_vector(self, fname: str, index: int, vec: dict):
        vid = vec.get("id")
        label = f"{fname}: {vid}" if safe_id(vid) else f"{fname}: tests[{index}]"
        if isinstance(vid, str):
            if vid in self.id_seen:
                self.problem(f"{label}: duplicate id (first in {self.id_seen[vid]})")
            else:
                self.id_seen[vid] = fname
            if "body" in vec and isinstance(vec.get("body"), DupDict) and vec["body"].dup_keys:
                self.notes.append(f"note: {label}: body has a duplicate key (parsers keep the last)")

        flags = vec.get("flags")
        if isinstance(flags, list):
            for f in flags:
                if not isinstance(f, str):
                    continue
                self.flag_uses[f] += 1
                if self.flag_defs is not None and f not in self.flag_defs:
                    self.problem(f"{label}: flag {f} is not defined in flags.json")

        # vectors/README.md: "client" vectors are bodies a typed request builder can
        # express: only the operation's members, each a string (present or absent).
        applies = vec.get("appliesTo")
        body = vec.get("body")
        members_of_op = OPERATION_MEMBERS.get(vec.get("operation"))
        if isinstance(applies, list) and "client" in applies and isinstance(body, dict) and members_of_op:
            unknown = sorted(k for k in body if k not in members_of_op)
            nonstr = sorted(k for k in body if k in members_of_op and not isinstance(body[k], str))
            if unknown:
                self.problem(f"{label}: appliesTo has client but the body has key(s) that are not members of "
                             f"{vec.get('operation')}: {', '.join(repr(k) for k in unknown)}")
            if nonstr:
                self.problem(f"{label}: appliesTo has client but member(s) {', '.join(nonstr)} are not strings")

        # vectors/README.md: "wire" is the body's exact text; it must decode to body (a
        # duplicate key keeping its last value), and typed clients cannot send it. Three
        # kinds of text have no body: one that decodes to no Unicode string (a lone
        # surrogate escape), an empty or white-space-only one, and one that is no JSON object.
        wire = vec.get("wire")
        result = vec.get("result")
        alternatives = vec.get("alternatives", [])
        alternatives = alternatives if isinstance(alternatives, list) else []
        expected = vec.get("expected", "<absent>")
        errors = ([expected] if isinstance(expected, dict) else []) + [a for a in alternatives if isinstance(a, dict)]
        allows_refusal = expected == REFUSAL or "refused" in alternatives
        has_body = "body" in vec
        decoded = None
        kind = None  # for a body-less vector: "lone", "empty" or "malformed"
        if isinstance(wire, str):
            try:
                decoded = json.loads(wire, parse_constant=_reject_constant)
            except ValueError:
                decoded = None
            blank = wire.strip(" \t\r\n") == ""
            if blank:
                kind = "empty"
            elif not isinstance(decoded, dict):
                kind = "malformed"
            elif holds_lone_surrogate(decoded):
                kind = "lone"
            if has_body and kind is not None:
                self.problem(f"{label}: wire is not a JSON object (or holds a lone surrogate), but the vector has a body")
            elif has_body and not same_json(decoded, body):
                self.problem(f"{label}: wire does not decode to body")
            if isinstance(applies, list) and "client" in applies:
                self.problem(f"{label}: a vector with wire text is for rules and server only, not client")
        if has_body and holds_lone_surrogate(body):
            self.problem(f"{label}: body holds a lone surrogate (no Unicode reading): omit body, give wire")
        trailing = isinstance(flags, list) and "TrailingData" in flags
        if not has_body:
            if not isinstance(wire, str):
                self.problem(f"{label}: a vector without a body needs a wire text")
            elif kind is None:
                self.problem(f"{label}: body is omitted but the wire text is a JSON object with a Unicode reading")
            elif kind == "lone" and (result != "acceptable" or "refused" not in alternatives):
                self.problem(f"{label}: a vector whose wire text has no Unicode reading is acceptable, allowing a refusal")
            elif kind == "empty" and (result != "acceptable" or expected != REFUSAL):
                self.problem(f"{label}: an empty body is acceptable, expecting a refusal (and allowing the reading {{}})")
            elif kind == "malformed" and (expected != REFUSAL or result != ("acceptable" if trailing else "invalid")):
                self.problem(f"{label}: a malformed body expects SerializationException, message null, no violations; "
                             "it is invalid, or acceptable when flagged TrailingData")
        bodyless_kind = None if has_body else kind
        if isinstance(flags, list):
            for flag, want in (("LoneSurrogate", "lone"), ("EmptyBody", "empty"), ("MalformedBody", "malformed")):
                if (flag in flags) != (bodyless_kind == want):
                    self.problem(f"{label}: flag {flag} goes with, and only with, a body-less wire text of its kind")
            if trailing and (bodyless_kind != "malformed" or not starts_with_object(wire)):
                self.problem(f"{label}: flag TrailingData goes with a malformed wire text that starts with a whole object")
        if bodyless_kind == "empty":
            members_required = sorted((m, "required") for m in (members_of_op or ()))
            readings = [sorted((v.get("member"), v.get("constraint")) for v in a.get("violations") or [] if isinstance(v, dict))
                        for a in alternatives if isinstance(a, dict) and a.get("errorType") == "InvalidParameterException"]
            if members_required not in readings:
                self.problem(f"{label}: an empty body allows its reading {{}}: every member of the operation required")
        if (result == "acceptable") != ("alternatives" in vec):
            self.problem(f"{label}: alternatives is required for acceptable vectors and forbidden otherwise")
        for j, a in enumerate(alternatives):
            if a == expected or alternatives.index(a) != j:
                self.problem(f"{label}: alternatives[{j}] repeats expected or another alternative")
        if allows_refusal and not isinstance(wire, str):
            self.problem(f"{label}: a refusal needs a wire text (a refusal is of the bytes sent)")

        # Flags an expectation implies: a redacted value, several wrong-typed members (in any allowed error).
        if errors and isinstance(flags, list):
            viols = [v for e in errors for v in e.get("violations") or [] if isinstance(v, dict)]
            redacted = any(v.get("member") in SENSITIVE and isinstance(v.get("message"), str)
                           and v["message"].startswith("Value at '") for v in viols)
            if redacted != ("SensitiveValue" in flags):
                self.problem(f"{label}: flag SensitiveValue goes with, and only with, an expected message that redacts "
                             "a sensitive value ('Value at ...')")
            types = max(sum(1 for v in e.get("violations") or [] if isinstance(v, dict) and v.get("constraint") == "type")
                        for e in errors)
            if (types > 1) != ("EveryTypeMismatch" in flags):
                self.problem(f"{label}: flag EveryTypeMismatch goes with, and only with, several type violations")

        if result == "valid" and expected is not None:
            self.problem(f"{label}: result valid but expected is not null")
        if result in ("invalid", "acceptable") and not isinstance(expected, dict):
            self.problem(f"{label}: result {result} but expected is not an object")
        for where, error in [("", expected)] + [(f" alternatives[{j}]", a) for j, a in enumerate(alternatives)]:
            if isinstance(error, dict):
                self.check_error(label + where, vec.get("operation"), error)

    def check_error(self, label: str, op, expected: dict):
        """An expected error (the vector's, or an alternative's): its type, aggregate message and violations."""
        op_members = OPERATION_MEMBERS.get(op)
        etype = expected.get("errorType")
        agg = expected.get("message")
        viols = expected.get("violations")
        if not isinstance(viols, list):
            return

        if etype == "SerializationException" and agg is not None:
            self.problem(f"{label}: SerializationException with a non-null aggregate message")
        if etype == "InvalidParameterException" and not isinstance(agg, str):
            self.problem(f"{label}: InvalidParameterException without an aggregate message")

        seen_pairs: Counter = Counter()
        msgs: list = []
        for j, v in enumerate(viols):
            if not isinstance(v, dict):
                continue
            m, p, c, vm = v.get("member"), v.get("path"), v.get("constraint"), v.get("message")
            vlabel = f"{label}: violations[{j}]"
            if m in MEMBER_PATH and p != MEMBER_PATH[m]:
                self.problem(f"{vlabel}: path does not correspond to member {m} (want {MEMBER_PATH[m]})")
            if op_members is not None and isinstance(m, str) and m not in op_members:
                self.problem(f"{vlabel}: member {m} is not a member of {op}")
            if m in MEMBER_CONSTRAINTS and isinstance(c, str) and c not in MEMBER_CONSTRAINTS[m] \
                    and c in ("required", "type", "length", "pattern", "enum"):
                self.problem(f"{vlabel}: constraint {c} does not apply to member {m}")
            if c == "type" and vm is not None:
                self.problem(f"{vlabel}: constraint type must have a null message")
            if c != "type" and c is not None and not isinstance(vm, str):
                self.problem(f"{vlabel}: constraint {c} needs a message")
            if etype == "SerializationException" and c != "type":
                self.problem(f"{vlabel}: SerializationException with constraint {c} (want type)")
            if etype == "InvalidParameterException" and c == "type":
                self.problem(f"{vlabel}: InvalidParameterException with constraint type")
            if isinstance(m, str) and isinstance(c, str):
                seen_pairs[(m, c)] += 1
                if seen_pairs[(m, c)] == 2:
                    self.problem(f"{label}: violation {m}/{c} listed more than once")
            if isinstance(vm, str) and isinstance(p, str) and f" at '{p}' failed to satisfy constraint: " not in vm:
                self.problem(f"{vlabel}: message does not name path '{p}' in the Cognito form")
            msgs.append(vm)

        if etype == "InvalidParameterException" and isinstance(agg, str) and all(isinstance(x, str) for x in msgs):
            n = len(msgs)
            prefix = f"{n} validation error{'s' if n != 1 else ''} detected: "
            if not agg.startswith(prefix):
                self.problem(f"{label}: aggregate message does not start with '{prefix}'")
            elif agg != prefix + "; ".join(msgs):
                self.problem(f"{label}: aggregate message is not its violations' messages joined by '; ' in listed order")

    # ------------------------------------------------------------------- run
    def run(self, show_counts: bool) -> int:
        if not self.vdir.is_dir():
            print(f"check_vectors: not a directory: {self.vdir}", file=sys.stderr)
            return 2
        topic_v, flags_v = self.load_schema()
        self.load_flags(flags_v)
        files = sorted(p for p in self.vdir.glob("*.json") if p.name not in NON_TOPIC_FILES)
        if not files:
            self.problem(f"{self.vdir}: no topic files (*.json other than schema.json, flags.json)")
        for p in files:
            self.check_topic_file(p, topic_v)

        defs = self.flag_defs or {}
        for name in sorted(defs):
            uses = self.flag_uses.get(name, 0)
            if uses < MIN_FLAG_USES:
                self.problem(f"flags.json: flag {name} is used by {uses} vector(s), fewer than {MIN_FLAG_USES}")

        for n in self.notes:
            print(n)

        if show_counts:
            names = sorted(set(defs) | set(self.flag_uses))
            width = max([len(n) for n in names] + [4])
            print(f"{'flag':<{width}}  vectors")
            for name in names:
                mark = "" if name in defs else "  (undefined)"
                print(f"{name:<{width}}  {self.flag_uses.get(name, 0):>7}{mark}")

        schema_state = "schema OK" if self.schema_errors == 0 else f"schema: {self.schema_errors} error(s)"
        summary = f"vectors: {self.n_vectors} in {self.n_files} files, {len(defs)} flags; {schema_state}"
        other = len(self.problems) - self.schema_errors
        if other:
            summary += f"; {other} other problem(s)"
        print(summary)
        return 1 if self.problems else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Check vectors/*.json test-vector files.")
    ap.add_argument("vectors_dir", nargs="?", default=None,
                    help="directory holding schema.json, flags.json and the topic files "
                         "(default: the vectors directory containing this script's tools/ folder)")
    ap.add_argument("--flag-counts", action="store_true", help="print a table: flag -> number of vectors")
    args = ap.parse_args(argv)
    vdir = Path(args.vectors_dir) if args.vectors_dir else Path(__file__).resolve().parent.parent
    return Checker(vdir).run(args.flag_counts)


if __name__ == "__main__":
    sys.exit(main())
