#!/usr/bin/env python3
"""Mutation score of the vectors: how many plausible implementation bugs they catch.

    python3 vectors/tools/mutate.py                 # score, survivors; exit 1 on an unlisted survivor
    python3 vectors/tools/mutate.py --list          # every mutant and the first vector that kills it
    python3 vectors/tools/mutate.py --markdown      # the README section, on standard output
    python3 vectors/tools/mutate.py --write-readme  # rewrite that section of vectors/README.md

A judge of its own, independent of the Swift engine: the documented rules
(the botocore service model cognito-idp 2016-04-18 and Cognito's message
format), written again here in Python on top of the `regex` module (ASCII
\\w, whole-value match, lengths in Unicode scalars), reading a vector's
`wire` text, when it has one, with its own strict RFC 8259 reader. Each
mutant is that judge with one plausible bug switched on (a length counted in
UTF-16 units, an unanchored pattern, a lenient JSON reader, an engine on
older Unicode data, ...). A mutant is killed when its answer to some vector
does not conform to the vector (`acceptable` and its `alternatives` included);
it survives when it conforms to every vector.

The unmutated judge must conform to every vector, or nothing is scored.

Equivalent mutants (bugs the vectors must not catch, because the documents
allow the behaviour) are listed, each with its reason, in
equivalent-mutants.json beside this file. Exit status: 0 when every mutant
not listed there is killed and every listed one survives (and, with no
option, when the README section is up to date); 1 otherwise; 2 on usage
errors. Output names mutants and vector ids only, never a value.
"""
import json
import os
import sys
import unicodedata

import regex
import unicodedataplus

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.dirname(HERE)
EQUIVALENT_FILE = os.path.join(HERE, "equivalent-mutants.json")
README = os.path.join(VECTORS, "README.md")
BEGIN, END = "<!-- mutants:begin (written by tools/mutate.py --write-readme) -->", "<!-- mutants:end -->"

# --- The documented rules -----------------------------------------------------

PATH = {"UserPoolId": "userPoolId", "Username": "username", "EventId": "eventId",
        "FeedbackToken": "feedbackToken", "FeedbackValue": "feedbackValue"}
SENSITIVE = {"Username", "FeedbackToken"}
LENGTH = {"UserPoolId": (1, 55), "Username": (1, 128), "EventId": (1, 50)}
PATTERN = {"UserPoolId": r"[\w-]+_[0-9a-zA-Z]+", "Username": r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+",
           "EventId": r"[\w+-]+", "FeedbackToken": r"[A-Za-z0-9-_=.]+"}
ENUM = ["Valid", "Invalid"]
OPERATIONS = {
    "UpdateAuthEventFeedback": ["UserPoolId", "Username", "EventId", "FeedbackToken", "FeedbackValue"],
    "AdminUpdateAuthEventFeedback": ["UserPoolId", "Username", "EventId", "FeedbackValue"],
}
ALLOWED = ["Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Sm", "Sc", "Sk", "So",
           "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"]
DISALLOWED = ["Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn"]
ABSENT = object()


class Refused(Exception):
    """The body is refused as unusable (a server: HTTP 400 SerializationException)."""


REFUSED = ("refused",)


# --- A strict JSON reader, with the bugs a reader can have ---------------------

class Reader:
    """RFC 8259, read as the vectors' first readings do: a duplicate key keeps
    its last value, a lone surrogate escape stays in the string. Knobs (`k`) switch
    the mutants' reading bugs on."""

    def __init__(self, text, k):
        self.s, self.i, self.k = text, 0, k
        self.space = " \n" if k.get("ws_strict") else (" \t\n\r\f" if k.get("ws_formfeed") else " \t\n\r")

    def fail(self):
        raise Refused()

    def ws(self):
        s, k = self.s, self.k
        while True:
            while self.i < len(s) and s[self.i] in self.space:
                self.i += 1
            if k.get("comments") and s.startswith("//", self.i):
                end = s.find("\n", self.i)
                self.i = len(s) if end < 0 else end + 1
            elif k.get("comments") and s.startswith("/*", self.i):
                end = s.find("*/", self.i + 2)
                if end < 0:
                    self.fail()
                self.i = end + 2
            else:
                return

    def document(self):
        self.ws()
        if self.i == len(self.s):
            if self.k.get("empty_as_object"):
                return {}
            self.fail()
        value = self.value()
        self.ws()
        if self.i != len(self.s) and not self.k.get("trailing_data"):
            self.fail()
        if isinstance(value, dict):
            return value
        if self.k.get("any_top_level_as_empty") or (value is None and self.k.get("null_body_as_empty")):
            return {}
        self.fail()

    def value(self):
        if self.i >= len(self.s):
            self.fail()
        c = self.s[self.i]
        if c == "{":
            return self.object()
        if c == "[":
            return self.array()
        if c == '"' or (c == "'" and self.k.get("single_quotes")):
            return self.string()[0]
        for word, v in (("true", True), ("false", False), ("null", None)):
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return v
        m = regex.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?").match(self.s, self.i)
        if not m or m.end() == self.i:
            self.fail()
        self.i = m.end()
        return float(m.group()) if any(ch in m.group() for ch in ".eE") else int(m.group())

    def close(self, end):
        """After a value in an object or array: True at `end`, False at a comma."""
        self.ws()
        if self.i >= len(self.s):
            if self.k.get("truncated_ok"):
                return True
            self.fail()
        c = self.s[self.i]
        self.i += 1
        if c == end:
            return True
        if c != ",":
            self.fail()
        self.ws()
        if self.k.get("trailing_comma") and self.s.startswith(end, self.i):
            self.i += 1
            return True
        return False

    def object(self):
        self.i += 1
        out = {}
        self.ws()
        if self.s.startswith("}", self.i):
            self.i += 1
            return out
        while True:
            self.ws()
            if self.i >= len(self.s) or self.s[self.i] not in ("\"'" if self.k.get("single_quotes") else '"'):
                self.fail()
            key, raw = self.string()
            if self.k.get("escaped_keys_raw"):
                key = raw
            self.ws()
            if not self.s.startswith(":", self.i):
                self.fail()
            self.i += 1
            self.ws()
            value = self.value()
            if key in out:
                if self.k.get("duplicate") == "refuse":
                    self.fail()
                if self.k.get("duplicate") != "first":
                    out[key] = value
            else:
                out[key] = value
            if self.close("}"):
                return out

    def array(self):
        self.i += 1
        out = []
        self.ws()
        if self.s.startswith("]", self.i):
            self.i += 1
            return out
        while True:
            self.ws()
            out.append(self.value())
            if self.close("]"):
                return out

    def string(self):
        """The decoded string and its raw text between the quotes."""
        s, k = self.s, self.k
        quote = s[self.i]
        self.i += 1
        start = self.i
        out = []
        while True:
            if self.i >= len(s):
                self.fail()
            c = s[self.i]
            if c == quote:
                raw = s[start:self.i]
                self.i += 1
                return "".join(out), raw
            if ord(c) < 0x20:
                self.fail()
            self.i += 1
            if c != "\\":
                out.append(c)
                continue
            if self.i >= len(s):
                self.fail()
            e = s[self.i]
            self.i += 1
            if e in "\"\\":
                out.append(e)
            elif e == "/":
                out.append("\\/" if k.get("keep_solidus") else "/")
            elif e in "bfnrt":
                out.append("\\" + e if k.get("keep_controls") else "\b\f\n\r\t"["bfnrt".index(e)])
            elif e == "u":
                out.append(self.unicode_escape())
            else:
                self.fail()

    def hex4(self):
        h = self.s[self.i:self.i + 4]
        if len(h) != 4 or not all(ch in "0123456789abcdefABCDEF" for ch in h):
            self.fail()
        self.i += 4
        return int(h, 16)

    def unicode_escape(self):
        k = self.k
        start = self.i - 2
        unit = self.hex4()
        if k.get("keep_u"):
            return self.s[start:self.i]
        if 0xD800 <= unit <= 0xDBFF and self.s.startswith("\\u", self.i):
            save = self.i
            self.i += 2
            low = self.hex4()
            if 0xDC00 <= low <= 0xDFFF:
                if k.get("surrogate_halves"):
                    return chr(unit) + chr(low)
                if k.get("pair_fffd"):
                    return "\uFFFD"
                if k.get("pair_formula"):
                    return chr(((unit - 0xD800) << 10) | (low - 0xDC00))
                return chr(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            self.i = save
        if 0xD800 <= unit <= 0xDFFF and k.get("lone_fffd"):
            return "\uFFFD"
        return chr(unit)


# --- The judge ----------------------------------------------------------------

_CATEGORY = {}
_GC = [(gc, regex.compile(r"\p{gc=%s}" % gc)) for gc in ALLOWED + DISALLOWED]


def category(ch):
    if ch not in _CATEGORY:
        _CATEGORY[ch] = next(gc for gc, r in _GC if r.match(ch))
    return _CATEGORY[ch]


_AGE = {}


def age(ch):
    """(major, minor) of the Unicode version that first assigned `ch` (DerivedAge,
    from unicodedataplus's 16.0 data; a scalar it does not know but `regex`'s
    newer data assigns is after 16.0); None when unassigned."""
    if ch not in _AGE:
        a = unicodedataplus.age(ch)
        if a not in ("Unassigned", "NA", "", None):
            _AGE[ch] = tuple(int(x) for x in a.split(".")[:2])
        else:
            _AGE[ch] = None if category(ch) == "Cn" else (17, 0)
    return _AGE[ch]


def utf16_units(s):
    return "".join(chr(0xD800 + ((ord(c) - 0x10000) >> 10)) + chr(0xDC00 + ((ord(c) - 0x10000) & 0x3FF))
                   if ord(c) > 0xFFFF else c for c in s)


_COMPILED = {}


def compiled(text, ascii_word):
    key = (text, ascii_word)
    if key not in _COMPILED:
        _COMPILED[key] = regex.compile(text, flags=regex.ASCII if ascii_word else 0)
    return _COMPILED[key]


def matches(pattern, value, anchoring, ascii_word):
    """Whether `value` satisfies `pattern` (a class followed by +, or any regex) read with `anchoring`."""
    if anchoring == "full":
        return compiled(pattern, ascii_word).fullmatch(value) is not None
    if anchoring == "search":
        return compiled(pattern, ascii_word).search(value) is not None
    if anchoring == "prefix":
        return compiled(pattern, ascii_word).match(value) is not None
    if anchoring == "suffix":
        return compiled("(?:" + pattern + r")\Z", ascii_word).search(value) is not None
    if anchoring == "dollar":  # ^...$ where $ also matches before a final newline (PCRE, Python re, Ruby)
        return compiled("(?:" + pattern + ")$", ascii_word).match(value) is not None
    raise ValueError(anchoring)


def username_ok(value, k):
    cats = [c for c in ALLOWED if c not in k.get("drop_categories", ())] + list(k.get("add_categories", ()))
    cls = k.get("username_class") or "[" + "".join(r"\p{%s}" % c for c in cats) + "]"
    if k.get("unicode_version"):
        v = k["unicode_version"]
        value = "".join("\u0378" if (a := age(ch)) is None or a > v else ch for ch in value)
    if k.get("per_utf16_unit"):
        value = utf16_units(value)
    if k.get("grapheme_first_scalar"):
        value = "".join(cluster[0] for cluster in regex.findall(r"\X", value))
    return matches(cls + "+", value, k.get("anchor", {}).get("Username", "full"), False)


def length(value, unit):
    if unit == "scalars":
        return len(value)
    if unit == "utf16":
        return len(value) + sum(1 for c in value if ord(c) > 0xFFFF)
    if unit == "utf8":
        return len(value.encode("utf-8", "surrogatepass"))
    if unit == "graphemes":
        return len(regex.findall(r"\X", value))
    raise ValueError(unit)


def java_trim(s):
    i, j = 0, len(s)
    while i < j and s[i] <= " ":
        i += 1
    while j > i and s[j - 1] <= " ":
        j -= 1
    return s[i:j]


def part(member, constraint, value, k, bound=None):
    """One message part in Cognito's format, as the mutant writes it."""
    path = member if k.get("path_pascal") else PATH[member]
    hidden = member in SENSITIVE and member not in k.get("show_sensitive", ()) or k.get("redact_all")
    if constraint == "required":
        if hidden and k.get("sensitive_null_redacted"):
            return f"Value at '{path}' failed to satisfy constraint: Member must not be null"
        null = "'null'" if k.get("null_quoted") else "null"
        return f"Value {null} at '{path}' failed to satisfy constraint: Member must not be null"
    if hidden:
        shown = "Value"
    elif k.get("quote") == "none":
        shown = f"Value {value}"
    elif k.get("quote") == "double":
        shown = f'Value "{value}"'
    elif k.get("quote") == "json":
        shown = "Value '" + json.dumps(value)[1:-1] + "'"
    else:
        shown = f"Value '{value}'"
    head = f"{shown} at '{path}' failed to satisfy constraint: Member must "
    if constraint == "min":
        return head + f"have length greater than or equal to {bound}"
    if constraint == "max":
        return head + f"have length less than or equal to {bound}"
    if constraint == "pattern":
        p = PATTERN[member]
        return head + "satisfy regular expression pattern: " + ("^" + p + "$" if k.get("pattern_anchored") else p)
    if constraint == "enum":
        values = list(reversed(ENUM)) if k.get("enum_reversed") else ENUM
        return head + "satisfy enum value set: [" + ", ".join(values) + "]"
    raise ValueError(constraint)


def pattern_ok(member, value, k):
    if member == "Username":
        return username_ok(value, k)
    pattern = k.get("patterns", {}).get(member, PATTERN[member])
    return matches(pattern, value, k.get("anchor", {}).get(member, "full"), member not in k.get("unicode_word", ()))


def check_member(member, value, k):
    """[(constraint kind, message)] for a present string value."""
    out = []
    if k.get("trim"):
        value = java_trim(value)
    if k.get("normalize"):
        value = unicodedata.normalize(k["normalize"], value)
    lo, hi = LENGTH.get(member, (None, None))
    if member == "FeedbackToken" and k.get("token_cap"):
        lo, hi = None, k["token_cap"]
    failed_length = False
    if hi is not None:
        n = length(value, k.get("unit", "scalars"))
        bounds = k.get("bounds", {}).get(member, ())
        if lo is not None and "no-min" not in bounds and (n <= lo if "min-strict" in bounds else n < lo):
            out.append(("length", part(member, "min", value, k, lo)))
            failed_length = True
        limit = hi + 1 if "max-lax" in bounds else hi
        if "no-max" not in bounds and (n >= limit if "max-strict" in bounds else n > limit):
            out.append(("length", part(member, "max", value, k, hi)))
            failed_length = True
    if failed_length and k.get("first_failure_per_member"):
        return out
    if member in PATTERN and not pattern_ok(member, value, k):
        out.append(("pattern", part(member, "pattern", value, k)))
    if member == "FeedbackValue":
        v = value.strip() if k.get("enum_trim") else value
        ok = v.lower() in ("valid", "invalid") if k.get("enum_case_insensitive") else v in ENUM
        if not ok:
            out.append(("enum", part(member, "enum", value, k)))
    return out


def judge_body(operation, body, k):
    """The answer to a decoded body: REFUSED, or ("report", errorType|None, violations, message|None)."""
    members = list(OPERATIONS[operation])
    admin = operation == "AdminUpdateAuthEventFeedback"
    if admin and k.get("admin_token") in ("required", "checked"):
        members.insert(3, "FeedbackToken")
    if k.get("names_case_insensitive"):
        folded = {}
        for key, v in body.items():
            folded[key.lower()] = v
        body = {m: folded[m.lower()] for m in members if m.lower() in folded}
    if k.get("refuse_unknown") and any(key not in OPERATIONS[operation] for key in body):
        return REFUSED
    values = {}
    for m in members:
        v = body.get(m, ABSENT)
        if v is None and k.get("null_as") == "empty":
            v = ""
        if isinstance(v, (bool, int, float)) and k.get("coerce_scalars"):
            v = json.dumps(v)
        if v == "" and k.get("empty_as_absent"):
            v = ABSENT
        if admin and m == "FeedbackToken" and k.get("admin_token") == "checked" and v is ABSENT:
            continue
        values[m] = v
    types = [m for m, v in values.items() if not isinstance(v, str) and v is not ABSENT
             and (v is not None or k.get("null_as") == "type")]
    violations = []
    if types:
        if k.get("type_first_only"):
            types = types[:1]
        violations = [(m, "type", None) for m in types]
        if not k.get("type_and_constraints"):
            return ("report", "InvalidParameterException" if k.get("type_as_ipe") else "SerializationException",
                    violations, None)
    for m, v in values.items():
        if m in types:
            continue
        if v is ABSENT or v is None:
            if m not in k.get("not_required", ()):
                violations.append((m, "required", part(m, "required", None, k)))
        else:
            violations += [(m, c, msg) for c, msg in check_member(m, v, k)]
        if k.get("stop_at_first_member") and violations:
            break
    if not violations:
        return ("report", None, [], None)
    if types:
        return ("report", "SerializationException", violations, None)
    parts = [msg for _, _, msg in violations]
    n = len({m for m, _, _ in violations}) if k.get("count_members") else len(parts)
    head = f"{n} validation error{'s' if n != 1 or k.get('always_plural') else ''} detected: "
    return ("report", "InvalidParameterException", violations, head + k.get("separator", "; ").join(parts))


def judge(vector, k, cache):
    wire = vector.get("wire")
    if wire is None:
        return judge_body(vector["operation"], vector["body"], k)
    key = (wire, tuple(sorted((n, v) for n, v in k.items() if n in READER_KNOBS)))
    if key not in cache:
        try:
            cache[key] = Reader(wire, k).document()
        except Refused:
            cache[key] = REFUSED
    body = cache[key]
    return REFUSED if body is REFUSED else judge_body(vector["operation"], body, k)


READER_KNOBS = {"ws_strict", "ws_formfeed", "comments", "empty_as_object", "trailing_data", "any_top_level_as_empty",
                "null_body_as_empty", "single_quotes", "truncated_ok", "trailing_comma", "escaped_keys_raw",
                "duplicate", "keep_solidus", "keep_controls", "keep_u", "surrogate_halves", "pair_fffd",
                "pair_formula", "lone_fffd"}


# --- Conformance, as vectors/README.md defines it --------------------------------

def same_aggregate(expected, got, parts):
    """`got` is `expected`'s head followed by each of `parts` once, joined by '; ', in any order."""
    if got == expected:
        return True
    marker = "detected: "
    if got is None or marker not in expected or marker not in got:
        return False
    head = expected[:expected.index(marker) + len(marker)]
    if not got.startswith(head):
        return False

    def rest_ok(rest, remaining):
        if not remaining:
            return rest == ""
        for i, p in enumerate(remaining):
            if rest.startswith(p):
                tail = rest[len(p):]
                others = remaining[:i] + remaining[i + 1:]
                if not others and tail == "":
                    return True
                if others and tail.startswith("; ") and rest_ok(tail[2:], others):
                    return True
        return False

    return rest_ok(got[len(head):], list(parts))


REFUSAL = {"errorType": "SerializationException", "message": None, "violations": []}


def conforms(vector, answer):
    """Whether `answer` is one the vector allows: its `expected`, or one of its `alternatives`."""
    result, expected, alternatives = vector["result"], vector["expected"], vector.get("alternatives", [])
    if answer is REFUSED:
        return expected == REFUSAL or "refused" in alternatives
    _, error, violations, message = answer
    if error is None:
        return result == "valid" or "valid" in alternatives
    errors = [e for e in [expected] + alternatives if isinstance(e, dict) and e["violations"]]
    return any(gives(e, error, violations, message) for e in errors)


def gives(expected, error, violations, message):
    """Whether an error answer is the expected error: its type, its violations as a multiset (each message
    where one is documented), and its aggregate message up to the order of the parts."""
    if error != expected["errorType"]:
        return False
    documented = {(e["member"], e["constraint"]): e["message"] for e in expected["violations"]}
    got = sorted((m, c, None if documented.get((m, c), "") is None else msg) for m, c, msg in violations)
    want = sorted((e["member"], e["constraint"], e["message"]) for e in expected["violations"])
    if got != want:
        return False
    if expected["message"] is None:
        return True
    return same_aggregate(expected["message"], message, [e["message"] for e in expected["violations"]])


# --- The mutants ------------------------------------------------------------------

def mutants():
    """(id, the bug, knobs), in a fixed order."""
    out = []

    def add(mid, bug, **knobs):
        out.append((mid, bug, knobs))

    # Lengths
    add("length-utf16", "Lengths counted in UTF-16 code units (Java String.length, JavaScript .length)", unit="utf16")
    add("length-utf8", "Lengths counted in UTF-8 bytes", unit="utf8")
    add("length-graphemes", "Lengths counted in grapheme clusters (Swift String.count)", unit="graphemes")
    for m, (lo, hi) in LENGTH.items():
        slug = PATH[m].lower()
        add(f"{slug}-min-strict", f"{m}: a length of {lo} rejected (<= instead of <)", bounds={m: ("min-strict",)})
        add(f"{slug}-no-min", f"{m}: no minimum length check", bounds={m: ("no-min",)})
        add(f"{slug}-max-strict", f"{m}: a length of {hi} rejected (>= instead of >)", bounds={m: ("max-strict",)})
        add(f"{slug}-max-lax", f"{m}: a length of {hi + 1} accepted (off by one)", bounds={m: ("max-lax",)})
        add(f"{slug}-no-max", f"{m}: no maximum length check", bounds={m: ("no-max",)})
    for cap in (128, 1024, 2048, 4096, 8192, 65536, 1048576):
        add(f"token-cap-{cap}", f"FeedbackToken capped at {cap:,} scalars (it has no length limit)", token_cap=cap)
    add("first-failure-per-member", "A member that fails its length is not checked against its pattern",
        first_failure_per_member=True)
    add("stop-at-first-member", "Checking stops at the first member that fails", stop_at_first_member=True)
    # Anchoring
    for m in PATTERN:
        for anchoring, bug in (("search", "unanchored search"), ("prefix", "a match at the start only"),
                               ("suffix", "a match at the end only"),
                               ("dollar", "^...$ where $ matches before a final newline")):
            add(f"{PATH[m].lower()}-{anchoring}", f"{m} pattern: {bug}", anchor={m: anchoring})
    # \w and the other classes
    for m in ("UserPoolId", "EventId"):
        add(f"{PATH[m].lower()}-unicode-word", f"{m}: \\w is Unicode (letters, digits, marks, Pc of every script)",
            unicode_word=(m,))
    add("userpoolid-word-letters", "UserPoolId: \\w read as letters only ([A-Za-z])",
        patterns={"UserPoolId": r"[A-Za-z-]+_[0-9a-zA-Z]+"})
    add("eventid-word-letters", "EventId: \\w read as letters only ([A-Za-z])", patterns={"EventId": r"[A-Za-z+-]+"})
    add("userpoolid-first-underscore", "UserPoolId split at the first underscore instead of backtracking to the last",
        patterns={"UserPoolId": r"[A-Za-z0-9-]+_[0-9a-zA-Z]+"})
    add("userpoolid-suffix-word", "UserPoolId suffix read as \\w+ (lets in '_')", patterns={"UserPoolId": r"[\w-]+_\w+"})
    add("userpoolid-suffix-unicode-alnum", "UserPoolId suffix read as Unicode letters and digits",
        patterns={"UserPoolId": r"[\w-]+_(?u:[\p{L}\p{Nd}])+"})
    add("eventid-no-plus", "EventId class without '+'", patterns={"EventId": r"[\w-]+"})
    add("eventid-dot", "EventId class with '.' added", patterns={"EventId": r"[\w.+-]+"})
    add("token-base64", "FeedbackToken class with standard base64 '+' and '/'",
        patterns={"FeedbackToken": r"[A-Za-z0-9-_=.+/]+"})
    for ch, name in (("-", "hyphen"), ("_", "underscore"), ("=", "equals"), (".", "dot")):
        cls = "".join(c for c in "-_=." if c != ch)
        add(f"token-no-{name}", f"FeedbackToken class without '{ch}'",
            patterns={"FeedbackToken": "[A-Za-z0-9" + regex.escape(cls) + "]+"})
    add("token-chained-range", "FeedbackToken class 0-9-_ read as a chained range 0..9.._ (lets in : ; < > ? @ [ \\ ] ^)",
        patterns={"FeedbackToken": r"[A-Za-z0-_=.]+"})
    for gc in ALLOWED:
        add(f"username-without-{gc.lower()}", f"Username class without general category {gc}", drop_categories=(gc,))
    for gc in DISALLOWED:
        bug = ("a lone surrogate escape accepted as a valid username scalar" if gc == "Cs"
               else f"Username class lets in general category {gc}")
        add(f"username-with-{gc.lower()}", bug, add_categories=(gc,))
    add("username-grapheme-classes", "Username classes tested on the first scalar of each grapheme cluster (Swift Regex)",
        grapheme_first_scalar=True)
    add("username-per-utf16-unit", "Username classes tested per UTF-16 code unit (surrogates are Cs)", per_utf16_unit=True)
    add("username-not-space", "Username pattern read as \\S+ (anything but white space)", username_class=r"\S")
    add("username-js-without-u", "Username pattern in JavaScript without the u flag (\\p{L} reads as 'p', '{', 'L', '}')",
        username_class=r"[p{}LMSNP]")
    add("username-ascii-punctuation", "Username \\p{P} read as ASCII punctuation only",
        username_class=r"[\p{L}\p{M}\p{S}\p{N}!-/:-@\[-`{-~]")
    for major, minor, who in ((3, 0, "Java 1.4"), (4, 0, "Java 5"), (5, 1, "Python 2.6"), (6, 0, "Java 7"),
                              (6, 2, "Java 8"), (8, 0, "Java 9"), (10, 0, "Java 11"), (11, 0, "Java 12"),
                              (12, 1, "Python 3.8"), (13, 0, "Java 17"), (14, 0, "Python 3.11"),
                              (15, 0, "Java 21"), (15, 1, "Python 3.13"), (16, 0, "Java 24")):
        add(f"unicode-{major}-{minor}", f"Username classes on Unicode {major}.{minor} data ({who}): "
            f"scalars assigned later are unassigned (Cn)", unicode_version=(major, minor))
    # Values
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        add(f"normalize-{form.lower()}", f"Values {form}-normalised before checking", normalize=form)
    add("trim-values", "Values trimmed (Java String.trim) before checking", trim=True)
    add("enum-case-insensitive", "FeedbackValue compared case-insensitively", enum_case_insensitive=True)
    add("enum-trimmed", "FeedbackValue trimmed before comparing", enum_trim=True)
    add("null-as-empty", "JSON null read as an empty string", null_as="empty")
    add("null-as-type-error", "JSON null read as a wrong JSON type (SerializationException)", null_as="type")
    add("empty-as-absent", "An empty string read as an absent member", empty_as_absent=True)
    for m in PATH:
        add(f"{PATH[m].lower()}-not-required", f"{m} not required", not_required=(m,))
    add("admin-requires-token", "AdminUpdateAuthEventFeedback requires a FeedbackToken", admin_token="required")
    add("admin-checks-token", "AdminUpdateAuthEventFeedback checks a FeedbackToken it is sent", admin_token="checked")
    add("unknown-members-refused", "Unknown members refused (strict deserializer)", refuse_unknown=True)
    add("member-names-case-insensitive", "Member names matched case-insensitively", names_case_insensitive=True)
    # Types
    add("type-as-invalid-parameter", "A wrong JSON type answered as InvalidParameterException", type_as_ipe=True)
    add("type-first-only", "Only the first wrong-typed member reported", type_first_only=True)
    add("type-and-constraints", "Constraints checked as well as JSON types", type_and_constraints=True)
    add("type-coerced", "Numbers and booleans coerced to strings (lenient scalar coercion)", coerce_scalars=True)
    # Messages
    add("message-always-plural", "Head always '... validation errors detected'", always_plural=True)
    add("message-counts-members", "Head counts failing members, not violations", count_members=True)
    add("message-comma-separator", "Message parts joined by ', '", separator=", ")
    add("message-unquoted-value", "Values shown without quotes", quote="none")
    add("message-double-quoted-value", "Values shown in double quotes", quote="double")
    add("message-escaped-value", "Values shown JSON-escaped instead of as decoded", quote="json")
    add("message-pascal-path", "Paths in PascalCase (the wire name) instead of lowerCamelCase", path_pascal=True)
    add("message-shows-username", "The sensitive Username value shown in messages", show_sensitive=("Username",))
    add("message-shows-token", "The sensitive FeedbackToken value shown in messages", show_sensitive=("FeedbackToken",))
    add("message-redacts-everything", "Every value redacted, not only the sensitive ones", redact_all=True)
    add("message-null-quoted", "An absent value shown as 'null' in quotes", null_quoted=True)
    add("message-sensitive-null-redacted", "An absent sensitive member reads 'Value at ...' (null redacted too)",
        sensitive_null_redacted=True)
    add("message-anchored-pattern", "Patterns quoted with ^...$ in messages", pattern_anchored=True)
    add("message-enum-order", "Enum values listed [Invalid, Valid]", enum_reversed=True)
    # The JSON reader
    add("duplicate-first-wins", "A duplicate key keeps its first value (Swift JSONDecoder)", duplicate="first")
    add("duplicate-refused", "A duplicate key refuses the body (a strict reader)", duplicate="refuse")
    add("escape-solidus-kept", "The \\/ escape kept verbatim", keep_solidus=True)
    add("escape-u-kept", "\\uXXXX escapes kept verbatim", keep_u=True)
    add("escape-controls-kept", "\\n, \\t, \\r, \\b, \\f escapes kept verbatim", keep_controls=True)
    add("escaped-keys-raw", "Member names matched before unescaping", escaped_keys_raw=True)
    add("surrogate-pair-halves", "A surrogate-pair escape read as two code points (CESU-8 style)", surrogate_halves=True)
    add("surrogate-pair-replaced", "A surrogate-pair escape read as U+FFFD", pair_fffd=True)
    add("surrogate-pair-formula", "A surrogate-pair escape decoded without adding 0x10000", pair_formula=True)
    add("lone-surrogate-replaced", "A lone surrogate escape read as U+FFFD (Go encoding/json)", lone_fffd=True)
    add("json-trailing-comma", "Trailing commas accepted", trailing_comma=True)
    add("json-comments", "Comments accepted", comments=True)
    add("json-single-quotes", "Single-quoted strings accepted", single_quotes=True)
    add("json-trailing-data", "Data after the top-level value ignored (a reader that stops after the first value)",
        trailing_data=True)
    add("json-truncated", "A document cut short accepted as if closed", truncated_ok=True)
    add("json-form-feed", "Form feed accepted as white space", ws_formfeed=True)
    add("json-strict-whitespace", "Only spaces and LF accepted as white space (tab and CR refused)", ws_strict=True)
    add("json-any-top-level", "A top-level value that is not an object read as an empty body", any_top_level_as_empty=True)
    add("json-null-body", "A body that is only null read as an empty object", null_body_as_empty=True)
    add("json-empty-body", "An empty or white-space-only body read as {}", empty_as_object=True)
    return out


# --- Running ----------------------------------------------------------------------

def load_vectors():
    vectors = []
    for name in sorted(os.listdir(VECTORS)):
        if name.endswith(".json") and name not in ("schema.json", "flags.json"):
            with open(os.path.join(VECTORS, name), encoding="utf-8") as f:
                vectors += json.load(f)["tests"]
    # Cheap vectors first, so that most mutants die before the large values are judged.
    return sorted(vectors, key=lambda v: len(json.dumps(v)) > 16384)


def run():
    vectors = load_vectors()
    cache = {}
    broken = [v["id"] for v in vectors if not conforms(v, judge(v, {}, cache))]
    if broken:
        print(f"mutate: the unmutated judge disagrees with {len(broken)} vector(s): {', '.join(broken[:10])}")
        sys.exit(1)
    results = []
    for mid, bug, knobs in mutants():
        killer = next((v["id"] for v in vectors if not conforms(v, judge(v, knobs, cache))), None)
        results.append((mid, bug, killer))
    return vectors, results


def load_equivalent():
    with open(EQUIVALENT_FILE, encoding="utf-8") as f:
        return json.load(f)["equivalent"]


def markdown(vectors, results, equivalent):
    killed = sum(1 for _, _, k in results if k)
    scored = len(results) - len(equivalent)
    lines = [BEGIN, "",
             f"**Mutation score: {killed} of {scored} mutants killed ({100 * killed / scored:.0f}%)**, "
             f"over {len(vectors)} vectors; {len(equivalent)} more are equivalent (allowed by a documented decision). "
             "Each mutant is the judge of `tools/mutate.py` with one bug switched on; it is killed by the first "
             "vector (in file order, large values last) whose expectation its answer does not meet.", "",
             "| Mutant | Bug | Killed by |", "|---|---|---|"]
    for mid, bug, killer in results:
        status = f"`{killer}`" if killer else ("equivalent: " + equivalent[mid] if mid in equivalent else "**survives**")
        cell = bug.replace("\\", "\\\\").replace("|", "\\|")  # Markdown: a backslash and a pipe as written
        lines.append(f"| `{mid}` | {cell} | {status} |")
    lines += ["", END]
    return "\n".join(lines) + "\n"


def main(argv):
    options = set(argv)
    if options - {"--list", "--markdown", "--write-readme"}:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    vectors, results = run()
    equivalent = load_equivalent()
    ids = {mid for mid, _, _ in results}
    section = markdown(vectors, results, equivalent)
    if "--markdown" in options:
        sys.stdout.write(section)
        return 0
    problems = []
    for mid in sorted(set(equivalent) - ids):
        problems.append(f"equivalent-mutants.json lists an unknown mutant: {mid}")
    for mid, bug, killer in results:
        if killer and mid in equivalent:
            problems.append(f"listed as equivalent but killed by {killer}: {mid}")
        elif not killer and mid not in equivalent:
            problems.append(f"SURVIVES: {mid}: {bug}")
        elif "--list" in options:
            print(f"{mid}: " + (f"killed by {killer}" if killer else "equivalent"))
    if "--write-readme" in options:
        text = open(README, encoding="utf-8").read()
        if BEGIN not in text or END not in text:
            problems.append("vectors/README.md has no mutants section markers")
        else:
            new = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END) + 1:]
            with open(README, "w", encoding="utf-8") as f:
                f.write(new)
    elif not options:
        text = open(README, encoding="utf-8").read()
        if section not in text:
            problems.append("the mutants section of vectors/README.md is stale (run vectors/tools/mutate.py --write-readme)")
    killed = sum(1 for _, _, k in results if k)
    scored = len(results) - len(equivalent)
    for p in problems:
        print(p)
    print(f"mutate: {len(results)} mutants over {len(vectors)} vectors: {killed} killed, "
          f"{len(equivalent)} equivalent, {scored - killed} surviving; score {killed}/{scored} "
          f"({100 * killed / scored:.1f}%)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
