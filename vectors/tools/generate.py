#!/usr/bin/env python3
"""Writes the vector files of vectors/ from the case lists below.

Every case states its author's expectation (which members fail which
constraints), derived from the primary sources: the botocore service model
cognito-idp 2016-04-18, the Smithy constraint traits and awsJson1.1
protocol, public Cognito error messages, RFC 8259. The
generator re-derives that expectation with an independent engine, Python's
`regex` module (whole-value match, ASCII \\w, lengths in code points), and
refuses to write anything when the two disagree. The Java oracle
(tools/oracle/Oracle.java) checks the written files a third time with
java.util.regex. None of this touches the Swift engine under test.

    python3 vectors/tools/generate.py          # rewrite vectors/*.json
    python3 vectors/tools/generate.py --check  # fail if the files are stale
"""
import json
import os
import sys
import unicodedata

import regex
import unicodedataplus

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.dirname(HERE)

# --- The documented rules (API reference / botocore service model) --------

RULES = {
    "UserPoolId": dict(path="userPoolId", length=(1, 55), pattern=r"[\w-]+_[0-9a-zA-Z]+"),
    "Username": dict(path="username", length=(1, 128), pattern=r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+", sensitive=True),
    "EventId": dict(path="eventId", length=(1, 50), pattern=r"[\w+-]+"),
    "FeedbackToken": dict(path="feedbackToken", pattern=r"[A-Za-z0-9-_=.]+", sensitive=True),
    "FeedbackValue": dict(path="feedbackValue", enum=["Valid", "Invalid"]),
}
OPERATIONS = {
    "update": ("UpdateAuthEventFeedback", ["UserPoolId", "Username", "EventId", "FeedbackToken", "FeedbackValue"]),
    "admin": ("AdminUpdateAuthEventFeedback", ["UserPoolId", "Username", "EventId", "FeedbackValue"]),
}
BOTH = ("update", "admin")
ALL = ["rules", "client", "server"]
WIRE = ["rules", "server"]  # bodies a typed client cannot express (null, wrong types, unknown keys)

BASE = {
    "UserPoolId": "us-east-1_EXAMPLE1",
    "Username": "alice",
    "EventId": "9f3c2e1a-4b5d-4e6f-8a7b-0c1d2e3f4a5b",
    "FeedbackToken": "AYADeGV4YW1wbGUtZmVlZGJhY2stdG9rZW4.c2lnbmF0dXJl-_=",
    "FeedbackValue": "Valid",
}


def part(member, constraint, value):
    """One message part, in Cognito's format (public Cognito error messages: "1 validation error detected: Value 'x' at 'path' failed to satisfy constraint: Member must ...")."""
    rule = RULES[member]
    if constraint == "required":
        return f"Value null at '{rule['path']}' failed to satisfy constraint: Member must not be null"
    shown = "Value" if rule.get("sensitive") else f"Value '{value}'"
    head = f"{shown} at '{rule['path']}' failed to satisfy constraint: Member must "
    lo, hi = rule.get("length", (None, None))
    return head + {
        "min": f"have length greater than or equal to {lo}",
        "max": f"have length less than or equal to {hi}",
        "pattern": f"satisfy regular expression pattern: {rule.get('pattern')}",
        "enum": "satisfy enum value set: [" + ", ".join(rule.get("enum", [])) + "]",
    }[constraint]


def regex_judge(op, body):
    """What the service answers, by the documented rules, with Python `regex`."""
    members = OPERATIONS[op][1]
    types = [(m, "type", None) for m in members if m in body and body[m] is not None and not isinstance(body[m], str)]
    if types:
        return "SerializationException", types
    out = []
    for m in members:
        rule = RULES[m]
        v = body.get(m)
        if v is None:
            out.append((m, "required", part(m, "required", v)))
            continue
        if "length" in rule:
            lo, hi = rule["length"]
            if len(v) < lo:
                out.append((m, "length", part(m, "min", v)))
            elif len(v) > hi:
                out.append((m, "length", part(m, "max", v)))
        if "pattern" in rule:
            flags = 0 if m == "Username" else regex.ASCII  # ASCII \w; \p{..} is unaffected either way
            if not regex.fullmatch(rule["pattern"], v, flags=flags):
                out.append((m, "pattern", part(m, "pattern", v)))
        if "enum" in rule and v not in rule["enum"]:
            out.append((m, "enum", part(m, "enum", v)))
    return ("InvalidParameterException" if out else None), out


# --- Flags: each pitfall defined once --------------------------------------

FLAGS = {
    "LengthBoundary": ("The value sits at a length bound: min-1, min, max or max+1, counted in Unicode scalars.",
                       "Cognito API reference and botocore service model cognito-idp 2016-04-18: UserPoolId 1..55, Username 1..128, EventId 1..50."),
    "ScalarsNotGraphemes": ("Length counts Unicode scalars, not grapheme clusters (Swift String.count, Soto): combining marks, ZWJ and skin-tone sequences make the two differ.",
                            "Smithy constraint traits: string length is the number of Unicode scalar values."),
    "ScalarsNotUtf16": ("Length counts Unicode scalars, not UTF-16 code units (Java String.length, JavaScript .length): every scalar above U+FFFF is one scalar but two units.",
                        "Smithy constraint traits; Smithy protocol tests count \"\U0001F44D\" as length 1."),
    "ScalarsNotBytes": ("Length counts Unicode scalars, not UTF-8 bytes.",
                        "Smithy constraint traits."),
    "AsciiWord": ("\\w is ASCII [A-Za-z0-9_]: letters, digits and connector punctuation outside ASCII are not word characters (ICU, NSRegularExpression and Swift Regex default to Unicode \\w).",
                  "java.util.regex Pattern documentation (\\w is [a-zA-Z_0-9] without UNICODE_CHARACTER_CLASS) and ECMA-262 (\\w is ASCII)."),
    "PerScalarClass": ("The username classes are tested on every scalar, not on the first scalar of each grapheme cluster (Swift Regex's default grapheme semantics accept a whole cluster if its first scalar matches).",
                       "java.util.regex Pattern documentation: patterns match code points (Unicode support)."),
    "FormatCharacter": ("Format characters (general category Cf: ZWJ, ZWNJ, ZWSP, soft hyphen, BOM, bidi controls, tags) are in none of L, M, S, N, P.",
                        "Unicode general categories; username pattern [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+."),
    "ControlCharacter": ("Control characters (Cc: NUL, ESC, DEL, C1 controls) match no documented class.",
                         "Unicode general categories; the documented patterns."),
    "Whitespace": ("Space separators (Zs: space, no-break space, ideographic space) and tabs match no documented class, also at the ends of a value.",
                   "Unicode general categories; public Amplify reports of usernames with spaces rejected with the pattern error."),
    "LineTerminator": ("Line terminators (LF, CR, NEL, U+2028, U+2029) match no documented class.",
                       "Unicode general categories; the documented patterns."),
    "TrailingNewline": ("A value followed by one trailing newline must fail: engines whose $ matches before a final newline (Python re, PCRE, Ruby) accept it with ^...$ patterns.",
                        "Whole-value matching: public Amplify reports of usernames with spaces rejected with the pattern error; newer AWS models write the patterns as ^...$."),
    "Unanchored": ("The value contains a matching run but does not match as a whole: an unanchored search (Smithy patterns are not implicitly anchored) accepts it.",
                   "Smithy @pattern trait (ECMA-262, not implicitly anchored); Cognito matches the whole value (public Amplify reports; newer AWS models write ^...$)."),
    "PrefixMatch": ("The value starts with a matching run and ends with a character outside the pattern: a start-anchored-only check (Soto's NSRegularExpression use) accepts it.",
                    "Whole-value matching (public Amplify reports; newer AWS models write ^...$); soto-core's pattern validation (NSRegularExpression anchored at the start only)."),
    "PoolIdBacktracking": ("[\\w-]+_[0-9a-zA-Z]+ needs the prefix to give back characters: the match splits at the last underscore, so extra underscores belong to the prefix and a '-' after the last underscore fails.",
                           "Regex semantics of the pattern (java.util.regex / Python regex, confirmed by the oracles)."),
    "PrivateUse": ("Private-use scalars (Co: U+E000..U+F8FF, planes 15 and 16) are in none of L, M, S, N, P.",
                   "Unicode general categories."),
    "Unassigned": ("Unassigned scalars and noncharacters (Cn) are in none of L, M, S, N, P.",
                   "Unicode general categories; noncharacters stay Cn in every Unicode version."),
    "UnicodeVersion": ("The scalar was assigned after Unicode 13 (Java 17's data): an engine on newer data sees a letter or symbol, one on older data sees Cn. Both readings are acceptable; the expectation given is the older one's.",
                       "Unicode Character Database DerivedAge (Unicode 14-17 assignments); java.lang.Character in JDK 17 (Unicode 13.0)."),
    "NoNormalization": ("Values are judged as given: no NFC/NFD/NFKC folding, no canonical equivalence (Swift String == treats KELVIN SIGN as K and e+U+0301 as é).",
                        "Smithy constraint traits: @length counts the Unicode scalar values of the value as sent; neither the API reference nor the service model names a normalisation."),
    "EnumCase": ("Enum values are case-sensitive: only Valid and Invalid.",
                 "botocore service model cognito-idp 2016-04-18: FeedbackValueType enum [Valid, Invalid]; Smithy @enum trait (exact values)."),
    "EnumExact": ("Enum values match byte for byte: no trimming, no look-alike letters.",
                  "Service model FeedbackValueType enum."),
    "EmptyString": ("An empty string is present, not absent: it fails the length minimum and the pattern (both reported), or the enum; the token, which has no length limit, fails its pattern only.",
                    "Public Cognito error message '2 validation errors detected' for an empty username (length minimum and pattern), quoted in public GitHub issues."),
    "NullIsAbsent": ("JSON null counts as absent: 'Value null ... Member must not be null'.",
                     "Public Cognito error message \"Value null at 'sub' failed to satisfy constraint: Member must not be null\", quoted in public GitHub issues; Smithy @required trait."),
    "AbsentMember": ("A required member is missing from the body.",
                     "Service model: every member of both operations is required."),
    "TypeMismatch": ("A member holds a JSON number, boolean, object or array: the service rejects the body while deserializing (SerializationException) before checking constraints. Its message is not documented, so only the type and members are expected.",
                     "awsJson1.1 protocol (Smithy): a body that does not deserialize into the input structure is a 400 SerializationException."),
    "UnknownMember": ("Keys the operation does not model are ignored (awsJson1.1), including FeedbackToken sent to AdminUpdateAuthEventFeedback.",
                      "awsJson1.1 protocol; service model of AdminUpdateAuthEventFeedback (no FeedbackToken)."),
    "MemberNameCase": ("Member names are case-sensitive PascalCase: 'username' is an unknown key, so Username is absent.",
                       "awsJson1.1 protocol: member names exactly as written in the model."),
    "MultipleViolations": ("Several failures, on one member or several, are all reported and counted: 'N validation errors detected: part; part' (parts in any order).",
                           "Public Cognito error messages ('2 validation errors detected: ...; ...'), quoted in public GitHub issues."),
    "SensitiveValue": ("Username and FeedbackToken are sensitive: their messages read 'Value at ...' with no value; other members show 'Value '...' at ...'.",
                       "Service model 'sensitive' trait; public report \"Value at 'username' failed to satisfy constraint\"."),
    "NoLengthLimit": ("FeedbackToken has no length constraint: long tokens are valid and an empty one fails only the pattern.",
                      "botocore service model cognito-idp 2016-04-18: TokenModelType has a pattern and no length constraint."),
    "EnumMessageOrder": ("The enum message lists the values as [Valid, Invalid]: a best guess. The service's order is not always the model's (it reports [SUPPRESS, RESEND] for a model [RESEND, SUPPRESS]); a JDK HashSet's iteration order explains that list and [OPTIONAL, OFF, ON], but not Cognito's explicitAuthFlows list, so no ordering is known to explain them all. For [Valid, Invalid] the model order and the HashSet order agree. Every server judge compares enum lists as sets.",
                         "Public Cognito error messages 'Member must satisfy enum value set: [SUPPRESS, RESEND]' (model order [RESEND, SUPPRESS]) and the explicitAuthFlows list (aws-solutions/media-insights-on-aws#199); java.util.HashSet iteration order measured with JDK 17 (README, 'Semantic decisions')."),
    "SensitiveNull": ("An absent or null sensitive member reads 'Value null at ...' like any other: null carries no secret, and the service's redaction removes values, not the null marker. No public report shows this case for Username or FeedbackToken.",
                      "Project decision (README, 'Semantic decisions'), from the null format of public reports and the sensitive format."),
    "EscapedUnicode": ("The wire text writes characters as \\uXXXX escapes (as botocore and most JSON writers write non-ASCII): the value judged is the decoded text, so escaped ASCII is plain ASCII and an escaped control character is a control character.",
                       "RFC 8259 section 7; botocore's JSON serializer (json.dumps with ASCII output: non-ASCII written as \\uXXXX escapes)."),
    "SurrogatePairEscape": ("A scalar above U+FFFF is written as a UTF-16 surrogate-pair escape (\\ud83d\\ude00): the pair decodes to one scalar, which is judged (and counted) as one.",
                            "RFC 8259 section 7; botocore's JSON serializer writes emoji as surrogate-pair escapes."),
    "MemberOrder": ("Members arrive in another order than the model's: JSON objects are unordered, and the verdict and message do not depend on the order.",
                    "RFC 8259 section 4; awsJson1.1 protocol."),
    "JsonWhitespace": ("White space (spaces, tabs, CR, LF) between JSON tokens, and pretty-printed bodies, are insignificant.",
                       "RFC 8259 section 2."),
    "SolidusEscape": ("A value written with the \\/ escape holds a plain '/': judged as '/' (valid in a username, outside the token charset).",
                      "RFC 8259 section 7."),
    "DuplicateKey": ("A member appears twice in the body. Nothing public shows what the service's JSON layer (Coral's own, not Jackson databind) does: keep the last value (Foundation's JSONSerialization, Python's json), keep the first (Swift's JSONDecoder), or refuse the body (a strict reader). Every reading conforms: the vector is acceptable, expects the error of the reading that gives one, and allows valid (the other value) and a refusal (HTTP 400 SerializationException). Its body is the last-value reading; judge the wire text.",
                     "RFC 8259 section 4 (names SHOULD be unique; receivers behave differently when they are not); Swift 6.3 on Linux, measured: Foundation's JSONSerialization keeps the last value, JSONDecoder the first; no public capture of Cognito (README 'Semantic decisions')."),
    "LoneSurrogate": ("The wire text escapes a UTF-16 surrogate that has no partner (\\ud800, a low surrogate first, a pair in the wrong order, an emoji's high half cut off). The text has no Unicode reading, so the vector has no body. Nothing public shows what the service's JSON layer does, so every plausible reading conforms: the surrogate kept as a code point of category Cs (java.util.regex then fails the member's pattern; its length stays in bounds), the body refused (HTTP 400 SerializationException; Swift's JSONDecoder, Rust's serde_json, this project's parser), or the surrogate read as U+FFFD (Go's encoding/json), which is category So: a valid username character (\\p{S}), outside the token charset.",
                      "RFC 8259 section 8.2 (software receiving such texts behaves unpredictably); RFC 7493 (I-JSON) section 2.1 (forbids them, escaped or not); Unicode general category of U+FFFD (So); no public capture of Cognito (README 'Semantic decisions')."),
    "TokenCharset": ("The token class [A-Za-z0-9-_=.] is ASCII letters, digits, '-', '_', '=', '.' (the '-' after a range is literal): base64 '+' and '/' are not in it.",
                     "botocore service model cognito-idp 2016-04-18: TokenModelType pattern [A-Za-z0-9-_=.]+ (no length constraint); ECMA-262 and java.util.regex read a '-' after a range as literal."),
    "GeneralCategory": ("One username per Unicode general category: a scalar of each of the 22 categories of L, M, S, N and P (Lu Ll Lt Lm Lo, Mn Mc Me, Sm Sc Sk So, Nd Nl No, Pc Pd Ps Pe Pi Pf Po) is valid; one of each other category (Zs Zl Zp, Cc Cf Co Cn) is not. Cs cannot sit in a Unicode string: the lone-surrogates topic covers it. An engine that leaves a category out of its class (\\p{P} read as ASCII punctuation, \\p{N} as \\d, a hand-made table) fails the vector of that category.",
                        "Unicode Character Database general categories; username pattern [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+ (botocore service model cognito-idp 2016-04-18)."),
    "UnicodeAge": ("The username holds a scalar first assigned in one Unicode version, one vector per version from 1.1 to 17.0 (the Swift standard library's): an engine on older data sees Cn and rejects a valid username. Unicode 6.3 assigned no letter, mark, symbol, number or punctuation (only the format characters U+061C and U+2066..U+2069), so its vector is invalid in every reading. Versions after 13.0 (Java 17's) are also UnicodeVersion vectors: acceptable either way.",
                   "Unicode Character Database DerivedAge (checked with unicodedataplus and Swift 6.3's Unicode.Scalar.Properties.age); java.lang.Character in JDK 17 (Unicode 13.0)."),
    "LargeValue": ("A FeedbackToken far beyond any plausible cap (64 KiB + 1 and 1 MiB + 1 scalars), in large-values.json, apart from the topic files for its size: the token has no length limit, so a cap of 4,096, 65,536 or 1,048,576 fails these vectors. A server may need a large enough request size limit.",
                   "botocore service model cognito-idp 2016-04-18: TokenModelType has a pattern and no length constraint."),
    "ShortEscape": ("The wire text writes a character with a two-character escape (\\n, \\t, \\r, \\b, \\f, \\\", \\\\): the value judged, and quoted in the message, is the decoded character.",
                    "RFC 8259 section 7."),
    "EscapedKey": ("A member name is written with \\uXXXX escapes: it names the member once decoded (\\u0055sername is Username).",
                   "RFC 8259 section 7 (object names are strings); awsJson1.1 protocol (members matched by name)."),
    "MalformedBody": ("The body is no JSON object: not JSON at all, a trailing comma, a comment, single quotes, a document cut short, data after the object, a form feed between tokens, or a JSON text that is an array, a string, a number or null. A server answers HTTP 400 SerializationException (its message is not compared); an engine or linter refuses the input as unusable (cognito-feedback lint exits 2). These vectors have a wire text and no body, and expect SerializationException with no violation.",
                      "Smithy protocol tests for servers, restJson1 malformed request bodies (RestJsonInvalidJsonBody: comments, single quotes, trailing commas, trailing data, a form feed; RestJsonTechnicallyValidJsonBody: an array, a number, null): HTTP 400 SerializationException; RFC 8259."),
    "EmptyBody": ("The body is empty or white space only. Kinesis (awsJson1.1, in kinesalite's tests run against the live service) refuses an empty body with SerializationException even for an operation whose input is all optional, so the vector expects that first; Smithy's awsJson protocol tests say AWS services support requests with no payload, which reads as {} (every member then fails as required: InvalidParameterException), and that answer is allowed too. Answering valid fails it.",
                  "kinesalite test/connection.js (an empty body and a body that is not JSON give 400 SerializationException against the live service); Smithy awsJson1.0/1.1 protocol tests (AwsJson10MustAlwaysSendEmptyJsonPayload: 'AWS service implementations support requests with no payload or requests that send {}'); smithy issue 2327 (empty input unsettled); README 'Semantic decisions'."),
    "TrailingData": ("The body is a whole JSON object followed by more text: garbage, or a second object. RFC 8259 makes it no JSON text, and a strict reader refuses it (HTTP 400 SerializationException: expected); a reader that stops after the first value (Go's json.Decoder, a streaming parser) answers for the first object, and one that reads a stream of documents may answer for the last. Nothing public shows what the service's JSON layer does, so every reading conforms: here each object is valid, so the vector is acceptable, expects the refusal and allows valid.",
                     "RFC 8259 section 2 (a JSON text is one value); Smithy restJson1 malformed-request tests (RestJsonInvalidJsonBody: trailing data refused); no public capture of Cognito (README 'Semantic decisions')."),
    "EveryTypeMismatch": ("Several members have the wrong JSON type. The service's deserializer stops at the first, and its message is undocumented and names no member; by this project's decision the expectation lists every wrong-typed member (one type violation each), so an engine reports them all, and servers are judged by the error type alone (SerializationException).",
                          "Project decision (README, 'Semantic decisions': several wrong-typed members); awsJson1.1 protocol (SerializationException)."),
}

# --- Evidence: how sure each flag's claim is ------------------------------------

# From the most to the least certain (vectors/README.md, "Evidence levels"):
# documented: the API reference, the service model, or the protocol it names
#   (awsJson1.1, Smithy constraint traits, RFC 8259);
# observed: a public capture of the real service, cited in SOURCES.md;
# indirect: another awsJson1.1 service behaves so (Kinesis, in kinesalite's
#   tests run against the live service), cited;
# inferred: the project's reasoning, stated in the flag and the README.
EVIDENCE = ("documented", "observed", "indirect", "inferred")
FLAG_EVIDENCE = {
    # The message format: wording seen in public captures of Cognito errors.
    "EmptyString": "observed", "NullIsAbsent": "observed", "MultipleViolations": "observed", "SensitiveValue": "observed",
    # Wrong types: a boolean and an object for a string are captured from Cognito; a number or an array
    # only from Kinesis (case_evidence lowers those vectors).
    "TypeMismatch": "observed",
    # Kinesis answers a body that is not JSON with SerializationException; the body-less readings of
    # Coral's JSON layer beyond that are unknown (case_evidence lowers those vectors).
    "MalformedBody": "indirect", "EmptyBody": "indirect",
    # No evidence about Coral's JSON layer: every plausible reading is allowed.
    "DuplicateKey": "inferred", "LoneSurrogate": "inferred", "TrailingData": "inferred",
    # Details every server judge compares leniently (either reading conforms), so they lower no vector's
    # level: the enum list's order, an absent sensitive member's marker, the members of several wrong types.
    "EnumMessageOrder": "inferred", "SensitiveNull": "inferred", "EveryTypeMismatch": "inferred",
}
LENIENT = {"EnumMessageOrder", "SensitiveNull", "EveryTypeMismatch"}


def weakest(levels):
    """The least certain of `levels` (documented when there is none)."""
    return max(levels, key=EVIDENCE.index, default="documented")


def case_evidence(flags, wrong_types=(), stated=None):
    """A vector's evidence level: the least certain claim it makes, from its flags, from the JSON types of its
    wrong-typed members (a boolean or an object for a string is captured from Cognito; a number or an array
    only from Kinesis, kinesalite test/helpers.js assertType), and from the level its author states for the
    case (`stated`), which may only lower it. Never from an engine's answer."""
    levels = [FLAG_EVIDENCE.get(f, "documented") for f in flags if f not in LENIENT]
    levels += ["indirect" for v in wrong_types if isinstance(v, (int, float, list)) and not isinstance(v, bool)]
    return weakest(levels + ([stated] if stated else []))


# --- Case lists --------------------------------------------------------------

TOPICS = {}  # topic -> (description, [vector])
SLUGS = set()


def topic(name, description):
    TOPICS.setdefault(name, (description, []))
    return name


REFUSAL = {"errorType": "SerializationException", "message": None, "violations": []}


def error_object(error, found):
    """The expected-error object of Python regex's findings (`regex_judge`)."""
    parts = [msg for _, _, msg in found]
    return {
        "errorType": error,
        "message": None if error == "SerializationException" else (
            f"{len(parts)} validation error{'s' if len(parts) != 1 else ''} detected: " + "; ".join(parts)),
        "violations": [{"member": m, "path": RULES[m]["path"], "constraint": c, "message": msg} for m, c, msg in found],
    }


def settle(answers):
    """(result, expected, alternatives) of the answers a case allows, each "valid", "refused" or an error
    object, in the author's order of preference: the first error (a refusal counts as one: the error
    REFUSAL) is `expected`; every other distinct answer is an alternative ("valid", then "refused", then
    errors). One answer makes the case valid or invalid; several make it acceptable."""
    unique = []
    for a in answers:
        if a not in unique:
            unique.append(a)
    if unique == ["valid"]:
        return "valid", None, []
    first = next(a for a in unique if a != "valid")
    rest = sorted((a for a in unique if a is not first), key=lambda a: {"valid": 0, "refused": 1}.get(a, 2) if isinstance(a, str) else 2)
    return ("acceptable" if rest else "invalid"), (REFUSAL if first == "refused" else first), rest


def first_wins(text):
    """The reading of a wire text where a duplicate key keeps its first value."""
    return json.loads(text, object_pairs_hook=lambda pairs: {k: v for k, v in reversed(pairs)})


def replaced(value):
    """A decoded JSON value with every lone surrogate read as U+FFFD (as Go's encoding/json does)."""
    if isinstance(value, str):
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in value)
    if isinstance(value, dict):
        return {replaced(k): replaced(v) for k, v in value.items()}
    if isinstance(value, list):
        return [replaced(v) for v in value]
    return value


# How the contested readings of a wire text are made (`add`'s `readings`). Python's json keeps a duplicate
# key's last value and a lone surrogate as it is, which are the first readings.
READINGS = {
    "first": lambda text: first_wins(text),
    "U+FFFD": lambda text: replaced(json.loads(text)),
}


def judged(op, body, stated, where, reading):
    """The answer Python regex derives for `body`, checked against the author's `stated` expectation."""
    error, found = regex_judge(op, body)
    got = sorted((m, c) for m, c, _ in found)
    if got != sorted(stated):
        raise SystemExit(f"{where}: author expects {sorted(stated)} for the reading {reading}, Python regex derives {got}")
    return error_object(error, found) if found else "valid"


def add(topic_name, slug, description, *, member=None, value=None, body=None, ops=BOTH, expect=(),
        flags=(), applies=ALL, otherwise=(), wire=None, readings=None, unreadable=None, evidence=None):
    """One case, expanded per operation.

    `expect` is the author's expectation: (member, constraint) pairs, or bare
    constraint names for `member`. The case is valid or invalid by it, unless
    it allows more than one answer (then `acceptable`, `settle`):
    - `otherwise`: the scalar was assigned after Unicode 13 (`UnicodeVersion`).
      `expect` is empty (Python's newer Unicode data reads the value as valid)
      and `otherwise` states the pattern violations of the older reading,
      which Python cannot derive; the Java oracle, on Unicode 13, derives them
      independently. Both readings are allowed.
    - `readings`: the wire text's meaning is unsettled (duplicate keys, lone
      surrogates): `expect` is Python json's reading (a duplicate key's last
      value; a lone surrogate kept, Cs), and `readings` maps each other
      reading of `READINGS` to the author's expectation for it. Every reading
      is derived by Python regex, and a refusal of the body is allowed too.

    `wire(op)`, when given, is the exact body text; the body is what Python's
    json decodes it to (a duplicate key's last value). A text that decodes to
    no Unicode string (a lone surrogate escape) has no body: the vector
    carries the wire text alone, flagged LoneSurrogate, not for clients.

    `unreadable` says how a wire text that is no JSON object reads (the vector
    then has no body; `add_unreadable`).
    """
    if unreadable is not None:
        return add_unreadable(topic_name, slug, description, ops=ops, expect=expect, flags=flags, applies=applies,
                              wire=wire, reading=unreadable, readings=readings or {}, evidence=evidence)
    for op in ops:
        opname, members = OPERATIONS[op]
        where = f"{topic_name}.{slug}.{op}"
        text = wire(op) if wire else None
        if text is not None:
            b = json.loads(text)
        elif body is not None:
            b = dict(body)
        else:
            b = {k: v for k, v in BASE.items() if k in members}
            if member is not None:
                if value is ABSENT:
                    b.pop(member, None)
                else:
                    b[member] = value
        if op == "admin" and body is None and member == "FeedbackToken":
            raise SystemExit(f"{slug}: FeedbackToken cases are for UpdateAuthEventFeedback")
        intent = sorted((e if isinstance(e, tuple) else (member, e)) for e in expect)
        answers = [judged(op, b, intent, where, "as decoded")]
        implied = list(intent)
        if otherwise:
            if intent or readings:
                raise SystemExit(f"{where}: an 'otherwise' case is valid on newer Unicode data, with no other reading")
            older = [(member, c, part(member, c, b[member])) for c in otherwise]
            answers = [error_object("InvalidParameterException", older), "valid"]
            implied += [(member, c) for c in otherwise]
        for name, stated in (readings or {}).items():
            if text is None:
                raise SystemExit(f"{where}: a reading of the wire text needs a wire text")
            stated = sorted((e if isinstance(e, tuple) else (member, e)) for e in stated)
            answers.append(judged(op, READINGS[name](text), stated, where, name))
            implied += stated
        if readings:
            answers.append("refused")
        flags = auto_flags(flags, implied)
        result, expected, alternatives = settle(answers)
        # A typed client can only send strings for modelled members, present or absent.
        if any(k not in members or not isinstance(v, str) for k, v in b.items()):
            applies = [a for a in applies if a != "client"]
        unreadable_text = not readable_unicode(b)
        if unreadable_text and ("LoneSurrogate" not in flags or "client" in applies or "refused" not in alternatives):
            raise SystemExit(f"{where}: a wire text without a Unicode reading allows a refusal, "
                             "is flagged LoneSurrogate, and is not for clients")
        if where in SLUGS:
            raise SystemExit(f"duplicate id {where}")
        SLUGS.add(where)
        TOPICS[topic_name][1].append({
            "id": where,
            "description": f"{description} ({opname})",
            "operation": opname,
            **({} if unreadable_text else {"body": b}),
            **({"wire": text} if text is not None else {}),
            "result": result,
            **({"alternatives": alternatives} if alternatives else {}),
            "flags": list(flags),
            "evidence": case_evidence(flags, [b[m] for m, c in intent if c == "type"], evidence),
            "appliesTo": list(applies),
            "expected": expected,
        })


def auto_flags(flags, intent):
    """The stated flags, plus those an expectation implies (so that none is forgotten)."""
    return list(flags) + [f for f, hit in [
        ("EnumMessageOrder", any(c == "enum" for _, c in intent)),
        ("SensitiveNull", any(c == "required" and RULES[m].get("sensitive") for m, c in intent)),
        # A sensitive member's length or pattern message reads "Value at ...": the value is redacted.
        ("SensitiveValue", any(c in ("length", "pattern") and RULES[m].get("sensitive") for m, c in intent)),
        ("EveryTypeMismatch", sum(1 for _, c in intent if c == "type") > 1),
    ] if hit and f not in flags]


def add_unreadable(topic_name, slug, description, *, ops, expect, flags, applies, wire, reading, readings, evidence):
    """Cases whose wire text is no JSON object (see `add`'s `unreadable`):
    - "malformed": the author expects the body refused (HTTP 400
      SerializationException, no violations; flag MalformedBody); Python's
      strict json must fail on the text or read something else than an
      object. With `readings` "first" (and "last"), the text is an object
      followed by more text (flag TrailingData): reading the first (or the
      last) object and ignoring the rest is allowed too, each derived by
      Python regex from the stated expectation.
    - "empty": the text is empty or white space only (flag EmptyBody): the
      author expects a refusal first and allows the reading {}, whose
      answer (`expect`) Python regex derives like any case.
    """
    for op in ops:
        opname, members = OPERATIONS[op]
        where = f"{topic_name}.{slug}.{op}"
        text = wire(op)
        try:
            decoded = json.loads(text, parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))
        except ValueError:
            decoded = ValueError
        answers, implied = ["refused"], []
        if reading == "malformed":
            if expect or "MalformedBody" not in flags:
                raise SystemExit(f"{where}: a malformed body expects no violation, and is flagged MalformedBody")
            if isinstance(decoded, dict) or not text.strip(" \t\r\n"):
                raise SystemExit(f"{where}: author expects a malformed body, Python's json reads an object or nothing")
            documents = documents_in(text)
            if bool(documents) != ("TrailingData" in flags) or bool(documents) != bool(readings):
                raise SystemExit(f"{where}: a text whose first value is an object followed by more text is flagged "
                                 "TrailingData and states its readings")
            for name, stated in readings.items():
                document = documents[0] if name == "first" else documents[-1]
                answers.append(judged(op, document, [(m, c) for m, c in stated], where, name))
                implied += stated
        elif reading == "empty":
            if text.strip(" \t\r\n") or readings or "EmptyBody" not in flags:
                raise SystemExit(f"{where}: an empty body is white space only and flagged EmptyBody")
            answers.append(judged(op, {}, list(expect), where, "{}"))
            implied += list(expect)
        else:
            raise SystemExit(f"{where}: reading is malformed or empty")
        if "client" in applies:
            raise SystemExit(f"{where}: a wire text without a body is not for clients")
        if where in SLUGS:
            raise SystemExit(f"duplicate id {where}")
        SLUGS.add(where)
        result, expected, alternatives = settle(answers)
        flags = auto_flags(flags, implied)
        TOPICS[topic_name][1].append({
            "id": where,
            "description": f"{description} ({opname})",
            "operation": opname,
            "wire": text,
            "result": result,
            **({"alternatives": alternatives} if alternatives else {}),
            "flags": flags,
            "evidence": case_evidence(flags, stated=evidence),
            "appliesTo": list(applies),
            "expected": expected,
        })


def documents_in(text):
    """The JSON objects a text holds one after the other, read from its start: the first value when it is an
    object, then each further object; empty when the text does not start with an object."""
    decoder, out, i = json.JSONDecoder(), [], 0
    while True:
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        if i == len(text):
            return out
        try:
            value, i = decoder.raw_decode(text, i)
        except ValueError:
            return out
        if not isinstance(value, dict):
            return out
        out.append(value)


def readable_unicode(value):
    """Whether every string in a decoded JSON value is Unicode text (no lone surrogate)."""
    if isinstance(value, str):
        return not any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    if isinstance(value, dict):
        return all(readable_unicode(k) and readable_unicode(v) for k, v in value.items())
    if isinstance(value, list):
        return all(readable_unicode(v) for v in value)
    return True


ABSENT = object()
LP = "length", "pattern"


def u(*codepoints):
    return "".join(chr(c) for c in codepoints)


# baseline ------------------------------------------------------------------
t = topic("baseline", "Requests that are valid as a whole: the shapes a real caller sends.")
add(t, "typical", "A typical request: region-style pool ID, ASCII username, UUID event ID")
add(t, "feedback-invalid", "FeedbackValue Invalid is the other enum value", member="FeedbackValue", value="Invalid", flags=["EnumCase"])
add(t, "email-username", "An email address as username: letters and punctuation", member="Username", value="alice.smith+tag@example.com")
add(t, "phone-username", "A phone number as username: symbol and digits", member="Username", value="+14155550123")
add(t, "uuid-username", "A UUID (sub) as username", member="Username", value="6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b")
add(t, "minimal-lengths", "Every member at its shortest valid form",
    body={"UserPoolId": "a_b", "Username": "a", "EventId": "e", "FeedbackToken": "t", "FeedbackValue": "Valid"}, ops=("update",),
    flags=["LengthBoundary"])
add(t, "minimal-lengths-admin", "Every member at its shortest valid form",
    body={"UserPoolId": "a_b", "Username": "a", "EventId": "e", "FeedbackValue": "Invalid"}, ops=("admin",), flags=["LengthBoundary"])
add(t, "unicode-username", "A username in several scripts with accents", member="Username", value="Zoë-Łukasz_Ангелина")

# required ------------------------------------------------------------------
t = topic("required", "Every member is required; JSON null counts as absent.")
for m in RULES:
    ops = ("update",) if m == "FeedbackToken" else BOTH
    add(t, f"{RULES[m]['path'].lower()}-absent", f"{m} is missing from the body", member=m, value=ABSENT, ops=ops,
        expect=["required"], flags=["AbsentMember"])
    add(t, f"{RULES[m]['path'].lower()}-null", f"{m} is JSON null", member=m, value=None, ops=ops,
        expect=["required"], flags=["NullIsAbsent"], applies=WIRE)
add(t, "empty-body", "An empty JSON object: every member is reported", body={},
    expect=[(m, "required") for m in RULES], ops=("update",), flags=["AbsentMember", "MultipleViolations"])
add(t, "empty-body-admin", "An empty JSON object: every member is reported", body={},
    expect=[(m, "required") for m in RULES if m != "FeedbackToken"], ops=("admin",), flags=["AbsentMember", "MultipleViolations"])
add(t, "all-null", "Every member is JSON null", body={m: None for m in RULES}, ops=("update",),
    expect=[(m, "required") for m in RULES], flags=["NullIsAbsent", "MultipleViolations"], applies=WIRE)
add(t, "username-null-and-pool-absent", "Username null and UserPoolId absent: both reported alike",
    body={k: (None if k == "Username" else v) for k, v in BASE.items() if k != "UserPoolId"}, ops=("update",),
    expect=[("UserPoolId", "required"), ("Username", "required")], flags=["NullIsAbsent", "AbsentMember", "MultipleViolations"], applies=WIRE)

# types ---------------------------------------------------------------------
t = topic("types", "A member of the wrong JSON type is a SerializationException, raised before any constraint is checked.")
SAMPLES = {"number": 42, "zero": 0, "float": 1.5, "true": True, "false": False, "object": {"value": "alice"}, "array": ["Valid"], "empty-array": []}
for m in RULES:
    ops = ("update",) if m == "FeedbackToken" else BOTH
    for name, sample in SAMPLES.items():
        if m != "Username" and name in ("zero", "float", "false", "empty-array"):
            continue
        add(t, f"{RULES[m]['path'].lower()}-{name}", f"{m} is a JSON {name}", member=m, value=sample, ops=ops,
            expect=["type"], flags=["TypeMismatch"], applies=WIRE)
add(t, "type-beats-constraints", "A number EventId and an invalid UserPoolId: only the type error is answered",
    body={**BASE, "EventId": 7, "UserPoolId": "bad pool"}, ops=("update",), expect=[("EventId", "type")],
    flags=["TypeMismatch"], applies=WIRE, evidence="indirect")
add(t, "two-type-errors", "Two members of the wrong type: both are type violations",
    body={**BASE, "Username": 1, "FeedbackValue": True}, ops=("update",), expect=[("Username", "type"), ("FeedbackValue", "type")],
    flags=["TypeMismatch", "MultipleViolations"], applies=WIRE)
add(t, "two-type-errors-admin", "Two members of the wrong type: both are type violations",
    body={**{k: v for k, v in BASE.items() if k != "FeedbackToken"}, "UserPoolId": 55, "EventId": ["e1"]}, ops=("admin",),
    expect=[("UserPoolId", "type"), ("EventId", "type")], flags=["TypeMismatch", "MultipleViolations"], applies=WIRE)
add(t, "every-member-wrong-type", "Every member of the wrong type: one type violation each",
    body={"UserPoolId": 1, "Username": True, "EventId": {"id": "e1"}, "FeedbackToken": ["t"], "FeedbackValue": 0}, ops=("update",),
    expect=[(m, "type") for m in RULES], flags=["TypeMismatch", "MultipleViolations"], applies=WIRE)
add(t, "every-member-wrong-type-admin", "Every member of the wrong type: one type violation each",
    body={"UserPoolId": 1, "Username": True, "EventId": {"id": "e1"}, "FeedbackValue": 0}, ops=("admin",),
    expect=[(m, "type") for m in RULES if m != "FeedbackToken"], flags=["TypeMismatch", "MultipleViolations"], applies=WIRE)
add(t, "type-and-absent", "A boolean FeedbackValue with Username absent: only the type error is answered",
    body={k: (False if k == "FeedbackValue" else v) for k, v in BASE.items() if k != "Username"}, ops=("update",),
    expect=[("FeedbackValue", "type")], flags=["TypeMismatch"], applies=WIRE, evidence="indirect")

# lengths ---------------------------------------------------------------------
t = topic("user-pool-id-length", "UserPoolId length 1..55, counted in Unicode scalars.")
add(t, "empty", "Empty UserPoolId: length minimum and pattern both fail", member="UserPoolId", value="", expect=LP,
    flags=["LengthBoundary", "EmptyString", "MultipleViolations"])
add(t, "one", "A 1-scalar UserPoolId meets the minimum but cannot match the pattern", member="UserPoolId", value="a",
    expect=["pattern"], flags=["LengthBoundary"])
add(t, "three", "The shortest matching UserPoolId, a_b", member="UserPoolId", value="a_b", flags=["LengthBoundary"])
add(t, "fifty-four", "A 54-scalar UserPoolId", member="UserPoolId", value="us-east-1_" + "A" * 44, flags=["LengthBoundary"])
add(t, "fifty-five", "A 55-scalar UserPoolId, the maximum", member="UserPoolId", value="us-east-1_" + "A" * 45, flags=["LengthBoundary"])
add(t, "fifty-six", "A 56-scalar UserPoolId: one over the maximum", member="UserPoolId", value="us-east-1_" + "A" * 46,
    expect=["length"], flags=["LengthBoundary"])
add(t, "two-hundred", "A far too long UserPoolId that matches the pattern", member="UserPoolId", value="us-east-1_" + "b" * 190, expect=["length"])
add(t, "fifty-five-with-emoji", "54 ASCII scalars and one emoji: 55 scalars (56 UTF-16 units), so only the pattern fails",
    member="UserPoolId", value="us-east-1_" + "A" * 44 + "\U0001F600", expect=["pattern"], flags=["ScalarsNotUtf16", "LengthBoundary"])
add(t, "fifty-five-accented", "55 scalars, one of them é (2 UTF-8 bytes): only the pattern fails",
    member="UserPoolId", value="us-east-1_" + "A" * 44 + "é", expect=["pattern"], flags=["ScalarsNotBytes", "AsciiWord"])
add(t, "fifty-six-with-emoji", "55 ASCII scalars and one emoji: 56 scalars, length and pattern fail",
    member="UserPoolId", value="us-east-1_" + "A" * 45 + "\U0001F600", expect=LP, flags=["LengthBoundary", "MultipleViolations"])

t = topic("username-length", "Username length 1..128, counted in Unicode scalars (not graphemes, UTF-16 units or bytes).")
add(t, "empty", "Empty Username: length minimum and pattern both fail", member="Username", value="", expect=LP,
    flags=["LengthBoundary", "EmptyString", "MultipleViolations", "SensitiveValue"])
add(t, "one", "A 1-scalar Username", member="Username", value="a", flags=["LengthBoundary"])
add(t, "one-emoji", "A single emoji is one scalar (two UTF-16 units)", member="Username", value="\U0001F44D", flags=["ScalarsNotUtf16", "LengthBoundary"])
add(t, "one-mark", "A lone combining mark is one scalar of category Mn", member="Username", value="\u0301", flags=["LengthBoundary", "PerScalarClass"])
add(t, "ascii-127", "127 ASCII scalars", member="Username", value="a" * 127, flags=["LengthBoundary"])
add(t, "ascii-128", "128 ASCII scalars, the maximum", member="Username", value="a" * 128, flags=["LengthBoundary"])
add(t, "ascii-129", "129 ASCII scalars: one over the maximum", member="Username", value="a" * 129, expect=["length"], flags=["LengthBoundary", "SensitiveValue"])
add(t, "cjk-128", "128 CJK ideographs (3 UTF-8 bytes each): valid", member="Username", value="漢" * 128, flags=["LengthBoundary", "ScalarsNotBytes"])
add(t, "cjk-129", "129 CJK ideographs: too long", member="Username", value="漢" * 129, expect=["length"], flags=["LengthBoundary"])
add(t, "emoji-128", "128 emoji: 128 scalars but 256 UTF-16 units and 512 bytes: valid", member="Username", value="\U0001F600" * 128,
    flags=["ScalarsNotUtf16", "ScalarsNotBytes", "LengthBoundary"])
add(t, "emoji-129", "129 emoji: too long", member="Username", value="\U0001F600" * 129, expect=["length"], flags=["LengthBoundary", "ScalarsNotUtf16"])
add(t, "emoji-65", "65 emoji: 65 scalars but 130 UTF-16 units: valid", member="Username", value="\U0001F389" * 65, flags=["ScalarsNotUtf16"])
add(t, "supplementary-cjk-100", "100 CJK Extension B ideographs (U+20000): 200 UTF-16 units, valid", member="Username", value="\U00020000" * 100, flags=["ScalarsNotUtf16"])
add(t, "decomposed-64", "64 × e+U+0301: 64 graphemes, 128 scalars: valid", member="Username", value="e\u0301" * 64,
    flags=["ScalarsNotGraphemes", "LengthBoundary", "NoNormalization"])
add(t, "decomposed-65", "65 × e+U+0301: 65 graphemes but 130 scalars: too long", member="Username", value="e\u0301" * 65,
    expect=["length"], flags=["ScalarsNotGraphemes", "LengthBoundary", "NoNormalization"])
add(t, "skin-tone-64", "64 × 👍🏽 (emoji + skin-tone modifier): 64 graphemes, 128 scalars: valid", member="Username", value="\U0001F44D\U0001F3FD" * 64,
    flags=["ScalarsNotGraphemes", "ScalarsNotUtf16", "LengthBoundary"])
add(t, "skin-tone-65", "65 × 👍🏽: 65 graphemes, 130 scalars: too long", member="Username", value="\U0001F44D\U0001F3FD" * 65,
    expect=["length"], flags=["ScalarsNotGraphemes", "LengthBoundary"])
add(t, "flags-64", "64 regional-indicator flags: 64 graphemes, 128 scalars: valid", member="Username", value="\U0001F1EF\U0001F1F5" * 64,
    flags=["ScalarsNotGraphemes", "ScalarsNotUtf16", "LengthBoundary"])
add(t, "flags-65", "65 regional-indicator flags: 130 scalars: too long", member="Username", value="\U0001F1EB\U0001F1F7" * 65,
    expect=["length"], flags=["ScalarsNotGraphemes", "LengthBoundary"])
add(t, "hangul-jamo-128", "128 conjoining jamo scalars (42 syllables + 2 jamo): valid", member="Username", value="\u1100\u1161\u11A8" * 42 + "\u1100\u1161",
    flags=["ScalarsNotGraphemes", "NoNormalization", "LengthBoundary"])
add(t, "hangul-jamo-129", "129 conjoining jamo scalars (43 syllables): too long", member="Username", value="\u1100\u1161\u11A8" * 43,
    expect=["length"], flags=["ScalarsNotGraphemes", "NoNormalization", "LengthBoundary"])
add(t, "long-and-bad", "200 scalars with a space inside: length and pattern both fail", member="Username", value="a" * 100 + " " + "b" * 99,
    expect=LP, flags=["MultipleViolations", "Whitespace", "SensitiveValue"])
add(t, "zwj-length", "43 × 👩‍💻 (3 scalars each) = 129 scalars, 43 graphemes: length and pattern fail", member="Username",
    value="\U0001F469\u200D\U0001F4BB" * 43, expect=LP, flags=["ScalarsNotGraphemes", "FormatCharacter", "MultipleViolations"])

t = topic("event-id-length", "EventId length 1..50, counted in Unicode scalars.")
add(t, "empty", "Empty EventId: length minimum and pattern both fail", member="EventId", value="", expect=LP,
    flags=["LengthBoundary", "EmptyString", "MultipleViolations"])
add(t, "one", "A 1-scalar EventId", member="EventId", value="x", flags=["LengthBoundary"])
add(t, "forty-nine", "49 scalars", member="EventId", value="e" * 49, flags=["LengthBoundary"])
add(t, "fifty", "50 scalars, the maximum", member="EventId", value="E" * 50, flags=["LengthBoundary"])
add(t, "fifty-one", "51 scalars: one over the maximum", member="EventId", value="e" * 51, expect=["length"], flags=["LengthBoundary"])
add(t, "uuid-with-prefix", "A 50-scalar EventId of UUID characters", member="EventId", value="evt-" + "0123456789" * 4 + "abcdef", flags=["LengthBoundary"])
add(t, "fifty-with-accent", "50 scalars, one of them é: pattern fails, length holds", member="EventId", value="e" * 49 + "é",
    expect=["pattern"], flags=["AsciiWord", "ScalarsNotBytes"])
add(t, "fifty-with-emoji", "49 ASCII + one emoji: 50 scalars, 51 UTF-16 units: only the pattern fails", member="EventId", value="e" * 49 + "\U0001F600",
    expect=["pattern"], flags=["ScalarsNotUtf16"])
add(t, "fifty-one-with-mark", "50 letters + one combining mark: 51 scalars, 50 graphemes: length and pattern fail", member="EventId", value="e" * 50 + "\u0301",
    expect=LP, flags=["ScalarsNotGraphemes", "MultipleViolations"])

# patterns --------------------------------------------------------------------
t = topic("user-pool-id-pattern", "UserPoolId pattern [\\w-]+_[0-9a-zA-Z]+, matched against the whole value with ASCII \\w.")
for slug, value, note in [
    ("region", "eu-west-2_aBcDeF123", "A real-looking pool ID"),
    ("gov-region", "us-gov-west-1_Abc123", "A GovCloud-style prefix"),
    ("digits-suffix", "ap-south-1_0123456789", "A digits-only suffix"),
    ("underscore-prefix", "__a", "The prefix may be an underscore"),
    ("hyphen-prefix", "-_a", "The prefix may be a hyphen"),
]:
    add(t, slug, note, member="UserPoolId", value=value)
for slug, value, note in [
    ("two-underscores", "us-east-1_abc_def", "Two underscores: the prefix takes us-east-1_abc, the suffix def"),
    ("double-underscore", "a__b", "A double underscore: the prefix is a_"),
    ("many-underscores", "a_b_c_d_e_f_g_h", "Many underscores: the match splits at the last"),
    ("hyphen-then-underscores", "a-b_c-d_e", "Hyphens before the last underscore belong to the prefix"),
    ("alternating-55", "a_" * 27 + "a", "55 scalars of alternating a_: valid"),
]:
    add(t, slug, note, member="UserPoolId", value=value, flags=["PoolIdBacktracking"])
for slug, value, note in [
    ("hyphen-in-suffix", "us-east-1_abc-def", "A hyphen after the last underscore: the suffix must be alphanumeric"),
    ("trailing-underscore", "us-east-1_abc_", "A trailing underscore leaves the suffix empty"),
    ("no-prefix", "_abc", "An underscore first leaves the prefix empty"),
    ("no-underscore", "useast1abc", "No underscore at all"),
    ("only-underscores", "___", "Only underscores: no alphanumeric suffix"),
    ("suffix-hyphen-end", "a_b-", "A hyphen at the end"),
    ("alternating-trailing-hyphen", "a_" * 26 + "a-", "Alternating a_ then a final hyphen"),
]:
    add(t, slug, note, member="UserPoolId", value=value, expect=["pattern"], flags=["PoolIdBacktracking"])
for slug, value, note in [
    ("accented-prefix", "é_abc", "é is not an ASCII word character"),
    ("accented-suffix", "us-east-1_abé", "é is not in [0-9a-zA-Z]"),
    ("arabic-indic-digit", "us-east-\u0661_abc", "ARABIC-INDIC DIGIT ONE is \\d only in Unicode mode"),
    ("fullwidth-suffix", "us-east-1_ＡＢＣ", "Fullwidth letters are not ASCII"),
    ("kelvin-sign", "us-east-1_\u212A", "KELVIN SIGN is canonically equivalent to K but is not K"),
    ("connector-punctuation", "us\u203Feast_1", "U+203F UNDERTIE is \\w (Pc) only in Unicode mode"),
    ("greek-prefix", "αβγ_abc", "Greek letters are not ASCII word characters"),
]:
    add(t, slug, note, member="UserPoolId", value=value, expect=["pattern"], flags=["AsciiWord"] + (["NoNormalization"] if "kelvin" in slug else []))
for slug, value, note, fl in [
    ("leading-space", " us-east-1_abc", "A leading space", ["Whitespace", "Unanchored"]),
    ("trailing-space", "us-east-1_abc ", "A trailing space", ["Whitespace", "PrefixMatch"]),
    ("inner-space", "us-east-1 _abc", "A space before the underscore", ["Whitespace"]),
    ("tab", "us-east-1_\tabc", "A tab after the underscore", ["Whitespace", "ControlCharacter"]),
    ("trailing-newline", "us-east-1_abc\n", "A trailing LF", ["TrailingNewline", "LineTerminator", "PrefixMatch"]),
    ("leading-newline", "\nus-east-1_abc", "A leading LF", ["LineTerminator", "Unanchored"]),
    ("trailing-crlf", "us-east-1_abc\r\n", "A trailing CRLF", ["LineTerminator", "TrailingNewline"]),
    ("path", "pools/us-east-1_abc", "A path ending in a pool ID", ["Unanchored"]),
    ("trailing-dot", "us-east-1_abc.", "A trailing dot", ["PrefixMatch"]),
    ("trailing-nul", "us-east-1_abc\u0000", "A trailing NUL", ["ControlCharacter", "PrefixMatch"]),
]:
    add(t, slug, note, member="UserPoolId", value=value, expect=["pattern"], flags=fl)
add(t, "arn", "A pool ARN instead of its ID: too long and malformed",
    member="UserPoolId", value="arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc", expect=LP,
    flags=["Unanchored", "MultipleViolations"])
add(t, "placeholder", "The documentation placeholder YOUR_USER_POOL_ID matches (prefix YOUR_USER, suffix ID)",
    member="UserPoolId", value="YOUR_USER_POOL_ID", flags=["PoolIdBacktracking"])

t = topic("username-pattern", "Username pattern [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+: every scalar must be a letter, mark, symbol, number or punctuation.")
for slug, value, note, fl in [
    ("ascii-printable", "".join(chr(c) for c in range(0x21, 0x7F)), "Every printable ASCII character but space", []),
    ("cjk", "山田太郎", "CJK ideographs (Lo)", []),
    ("arabic", "محمد", "Arabic letters (Lo)", []),
    ("devanagari", "देवनागरी", "Devanagari letters and spacing/non-spacing marks", []),
    ("thai", "สมชาย", "Thai letters and marks", []),
    ("precomposed", "José", "A precomposed é (Ll)", ["NoNormalization"]),
    ("decomposed", "Jose\u0301", "A decomposed e+U+0301 (Mn)", ["NoNormalization"]),
    ("emoji", "\U0001F600\U0001F680", "Emoji are symbols (So)", []),
    ("skin-tone", "\U0001F44D\U0001F3FD", "An emoji with a skin-tone modifier (Sk)", ["PerScalarClass"]),
    ("flag", "\U0001F1EF\U0001F1F5", "A flag: two regional indicators (So)", ["PerScalarClass"]),
    ("keycap", "1\uFE0F\u20E3", "A keycap sequence: digit, VS16 (Mn), enclosing keycap (Me)", ["PerScalarClass"]),
    ("variation-selector", "\u2764\uFE0F", "A heart with VS16: VS16 is Mn", ["PerScalarClass"]),
    ("math-symbols", "∑∫≠±", "Math symbols (Sm)", []),
    ("currency", "$€£¥₿", "Currency symbols (Sc)", []),
    ("modifier-symbols", "^`¨´", "Modifier symbols (Sk)", []),
    ("roman-numeral", "Ⅻ", "A letter number (Nl)", []),
    ("superscript", "x²³", "Other numbers (No)", []),
    ("punctuation", "«¿¡»", "Initial, final and other punctuation", []),
    ("connector", "a‿b", "Connector punctuation U+203F (Pc)", []),
    ("dash", "a—b", "Dash punctuation (Pd)", []),
    ("lone-marks", "\u0301\u0308", "Marks with no base are still Mn", ["PerScalarClass"]),
    ("enclosing-mark", "a\u20DD", "An enclosing mark (Me)", []),
    ("mathematical-bold", "\U0001D400\U0001D401", "Mathematical bold letters (Lu, above U+FFFF)", ["ScalarsNotUtf16"]),
    ("ligature", "ﬁ", "The fi ligature (Ll), not folded", ["NoNormalization"]),
    ("fullwidth", "ＡＢＣ", "Fullwidth letters (Lu), not folded", ["NoNormalization"]),
    ("kelvin", "\u212A", "KELVIN SIGN (Lu), kept as given", ["NoNormalization"]),
]:
    add(t, slug, note, member="Username", value=value, flags=fl)
for slug, value, note, fl in [
    ("space", "alice smith", "A space (Zs)", ["Whitespace"]),
    ("leading-space", " alice", "A leading space", ["Whitespace", "Unanchored"]),
    ("trailing-space", "alice ", "A trailing space", ["Whitespace", "PrefixMatch"]),
    ("only-space", " ", "A single space", ["Whitespace"]),
    ("nbsp", "alice\u00A0smith", "NO-BREAK SPACE (Zs)", ["Whitespace"]),
    ("ideographic-space", "山田\u3000太郎", "IDEOGRAPHIC SPACE (Zs)", ["Whitespace"]),
    ("thin-space", "a\u2009b", "THIN SPACE (Zs)", ["Whitespace"]),
    ("tab", "alice\tsmith", "A tab (Cc)", ["Whitespace", "ControlCharacter"]),
    ("trailing-newline", "alice\n", "A trailing LF", ["TrailingNewline", "LineTerminator", "PrefixMatch"]),
    ("trailing-cr", "alice\r", "A trailing CR", ["LineTerminator", "PrefixMatch"]),
    ("crlf", "alice\r\n", "A trailing CRLF", ["LineTerminator", "TrailingNewline"]),
    ("leading-newline", "\nalice", "A leading LF", ["LineTerminator", "Unanchored"]),
    ("nel", "alice\u0085", "NEXT LINE U+0085 (Cc)", ["LineTerminator", "ControlCharacter"]),
    ("line-separator", "alice\u2028", "LINE SEPARATOR (Zl)", ["LineTerminator"]),
    ("paragraph-separator", "alice\u2029bob", "PARAGRAPH SEPARATOR (Zp)", ["LineTerminator"]),
    ("nul", "alice\u0000", "NUL (Cc)", ["ControlCharacter"]),
    ("escape", "\u001B[31malice", "An ANSI escape (Cc)", ["ControlCharacter", "Unanchored"]),
    ("delete", "alice\u007F", "DEL (Cc)", ["ControlCharacter"]),
    ("c1-control", "a\u009Fb", "A C1 control (Cc)", ["ControlCharacter"]),
    ("zwj-sequence", "\U0001F469\u200D\U0001F4BB", "A ZWJ emoji sequence: one grapheme, but U+200D is Cf", ["FormatCharacter", "PerScalarClass"]),
    ("family", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "A family ZWJ sequence", ["FormatCharacter", "PerScalarClass"]),
    ("letter-zwj", "a\u200D", "A letter followed by ZWJ: one grapheme whose first scalar is a letter", ["FormatCharacter", "PerScalarClass"]),
    ("zwsp", "alice\u200Bsmith", "ZERO WIDTH SPACE (Cf)", ["FormatCharacter"]),
    ("zwnj", "می\u200Cخواهم", "ZERO WIDTH NON-JOINER (Cf) in Persian", ["FormatCharacter"]),
    ("soft-hyphen", "al\u00ADice", "SOFT HYPHEN (Cf)", ["FormatCharacter"]),
    ("bom", "\uFEFFalice", "A leading BOM / ZWNBSP (Cf)", ["FormatCharacter", "Unanchored"]),
    ("lrm", "alice\u200E", "LEFT-TO-RIGHT MARK (Cf)", ["FormatCharacter", "PrefixMatch"]),
    ("rlo", "\u202Eecila", "RIGHT-TO-LEFT OVERRIDE (Cf)", ["FormatCharacter"]),
    ("word-joiner", "a\u2060b", "WORD JOINER (Cf)", ["FormatCharacter"]),
    ("mongolian-vowel-separator", "a\u180Eb", "MONGOLIAN VOWEL SEPARATOR (Cf since Unicode 6.3)", ["FormatCharacter"]),
    ("tag-sequence", "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", "A subdivision flag: tag characters are Cf", ["FormatCharacter", "PerScalarClass"]),
    ("arabic-letter-mark", "a\u061C", "ARABIC LETTER MARK (Cf)", ["FormatCharacter"]),
    ("private-use", "alice\uE000", "U+E000 (Co)", ["PrivateUse"]),
    ("private-use-apple", "\uF8FF", "U+F8FF, the Apple logo on Apple systems (Co)", ["PrivateUse"]),
    ("private-use-plane-15", "a\U000F0000", "U+F0000 (Co)", ["PrivateUse"]),
    ("private-use-plane-16", "\U0010FFFDa", "U+10FFFD (Co)", ["PrivateUse"]),
    ("unassigned-greek", "a\u0378", "U+0378, unassigned (Cn)", ["Unassigned"]),
    ("noncharacter-fffe", "a\uFFFE", "U+FFFE, a noncharacter (Cn)", ["Unassigned"]),
    ("noncharacter-ffff", "\uFFFF", "U+FFFF, a noncharacter (Cn)", ["Unassigned"]),
    ("noncharacter-fdd0", "a\uFDD0b", "U+FDD0, a noncharacter (Cn)", ["Unassigned"]),
    ("noncharacter-10ffff", "a\U0010FFFF", "U+10FFFF, the last scalar (Cn)", ["Unassigned"]),
]:
    add(t, slug, note, member="Username", value=value, expect=["pattern"], flags=fl + ["SensitiveValue"])

t = topic("event-id-pattern", "EventId pattern [\\w+-]+ with ASCII \\w, whole value.")
for slug, value, note in [
    ("uuid", "0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5", "A UUID"), ("plus", "a+b", "A plus sign"), ("underscore", "a_b", "An underscore"),
    ("only-symbols", "+-_", "Only the three symbols"), ("digits", "0123456789", "Digits"), ("hyphen", "-", "A lone hyphen"),
]:
    add(t, slug, note, member="EventId", value=value)
for slug, value, note, fl in [
    ("accented", "événement", "é is not an ASCII word character", ["AsciiWord"]),
    ("german", "straße", "ß is not an ASCII word character", ["AsciiWord"]),
    ("arabic-indic-digits", "\u0661\u0662\u0663", "ARABIC-INDIC DIGITS are \\w only in Unicode mode", ["AsciiWord"]),
    ("fullwidth-digits", "１２３", "Fullwidth digits are not ASCII", ["AsciiWord", "NoNormalization"]),
    ("kelvin-sign", "\u212A", "KELVIN SIGN is not K", ["AsciiWord", "NoNormalization"]),
    ("long-s", "\u017Fevent", "LATIN SMALL LETTER LONG S (folds to s case-insensitively)", ["AsciiWord"]),
    ("dotless-i", "\u0131d", "LATIN SMALL LETTER DOTLESS I", ["AsciiWord"]),
    ("undertie", "a\u203Fb", "U+203F (Pc) is \\w only in Unicode mode", ["AsciiWord"]),
    ("combining-mark", "e\u0301", "A combining mark after a letter: \\w in Java's UNICODE_CHARACTER_CLASS only", ["AsciiWord", "NoNormalization"]),
    ("dot", "a.b", "A dot", []), ("slash", "a/b", "A slash", ["Unanchored"]), ("equals", "a=", "An equals sign", ["PrefixMatch"]),
    ("space", "a b", "A space", ["Whitespace"]), ("trailing-space", "abc ", "A trailing space", ["Whitespace", "PrefixMatch"]),
    ("trailing-newline", "abc\n", "A trailing LF", ["TrailingNewline", "LineTerminator"]),
    ("leading-newline", "\nabc", "A leading LF", ["LineTerminator", "Unanchored"]),
    ("line-separator", "abc\u2028def", "LINE SEPARATOR", ["LineTerminator"]),
    ("zwsp", "abc\u200B", "ZERO WIDTH SPACE", ["FormatCharacter", "PrefixMatch"]),
    ("nul", "\u0000abc", "A leading NUL", ["ControlCharacter", "Unanchored"]),
    ("emoji", "evt\U0001F600", "An emoji", ["PrefixMatch"]),
]:
    add(t, slug, note, member="EventId", value=value, expect=["pattern"], flags=fl)

t = topic("feedback-token", "FeedbackToken pattern [A-Za-z0-9-_=.]+ (ASCII letters, digits, - _ = .), no length limit. UpdateAuthEventFeedback only.")
for slug, value, note, fl in [
    ("jwt-like", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "A JWT-shaped token", []),
    ("url-safe-base64", "AbC-_dEf==", "URL-safe base64 with padding", ["TokenCharset"]),
    ("all-symbols", "-_=.", "Only the four symbols: the '-' is literal", ["TokenCharset"]),
    ("hyphen-only", "-", "A lone hyphen", ["TokenCharset"]),
    ("one", "x", "A 1-character token", ["NoLengthLimit"]),
    ("long-4096", "A" * 4096, "A 4,096-character token: no length limit", ["NoLengthLimit"]),
    ("long-mixed-2048", "aZ9-_=." * 293, "A 2,051-character token of every allowed kind", ["NoLengthLimit", "TokenCharset"]),
]:
    add(t, slug, note, member="FeedbackToken", value=value, ops=("update",), flags=fl)
for slug, value, note, fl in [
    ("empty", "", "An empty token fails only the pattern: there is no length constraint", ["EmptyString", "NoLengthLimit"]),
    ("plus", "abc+def", "Standard base64 '+'", ["TokenCharset", "Unanchored"]),
    ("slash", "abc/def", "Standard base64 '/'", ["TokenCharset", "Unanchored"]),
    ("standard-base64", "AbC+/dEf==", "Standard base64 with + and /", ["TokenCharset"]),
    ("space", "abc def", "A space", ["Whitespace"]),
    ("trailing-newline", "abc.def\n", "A trailing LF", ["TrailingNewline", "PrefixMatch"]),
    ("crlf", "abc.def\r\n", "A trailing CRLF", ["LineTerminator", "TrailingNewline"]),
    ("percent-encoded", "abc%3D", "A percent-encoded '='", ["TokenCharset", "PrefixMatch"]),
    ("accented", "tokén", "A non-ASCII letter", ["AsciiWord"]),
    ("fullwidth", "ＡＢＣ", "Fullwidth letters", ["NoNormalization"]),
    ("zwsp", "abc\u200Bdef", "A ZERO WIDTH SPACE", ["FormatCharacter"]),
    ("nul", "abc\u0000", "A NUL", ["ControlCharacter"]),
    ("tilde", "abc~", "'~' is not in the class", ["TokenCharset", "PrefixMatch"]),
    ("long-bad-end", "A" * 4095 + "/", "4,096 characters, the last one '/'", ["NoLengthLimit", "PrefixMatch"]),
]:
    add(t, slug, note, member="FeedbackToken", value=value, ops=("update",), expect=["pattern"], flags=fl + ["SensitiveValue"])

t = topic("feedback-value", "FeedbackValue enum [Valid, Invalid], exact and case-sensitive.")
for slug, value, fl in [
    ("lowercase-valid", "valid", ["EnumCase"]), ("lowercase-invalid", "invalid", ["EnumCase"]),
    ("uppercase", "VALID", ["EnumCase"]), ("mixed-case", "iNVALID", ["EnumCase"]),
    ("empty", "", ["EmptyString", "EnumExact"]), ("trailing-space", "Valid ", ["EnumExact", "Whitespace"]),
    ("leading-space", " Invalid", ["EnumExact", "Whitespace"]), ("trailing-newline", "Valid\n", ["EnumExact", "TrailingNewline"]),
    ("cyrillic-a", "V\u0430lid", ["EnumExact"]), ("fullwidth", "Ｖａｌｉｄ", ["EnumExact", "NoNormalization"]),
    ("zwsp", "Valid\u200B", ["EnumExact", "FormatCharacter"]), ("boolean-word", "true", ["EnumExact"]),
    ("other-enum", "SUPPRESS", ["EnumExact"]), ("both", "Valid,Invalid", ["EnumExact"]),
]:
    add(t, slug, f"FeedbackValue {value!r}", member="FeedbackValue", value=value, expect=["enum"], flags=fl)

# unicode version (acceptable) --------------------------------------------------
t = topic("unicode-version", "Scalars assigned after Unicode 13: valid on newer data, Cn (invalid) on older. Both readings are acceptable.")
for slug, value, note in [
    ("shaking-face", "\U0001FAE8", "U+1FAE8 SHAKING FACE (Unicode 15, So)"),
    ("wireless", "a\U0001F6DC", "U+1F6DC WIRELESS (Unicode 15, So)"),
    ("cjk-extension-h", "\U00031350", "U+31350, CJK Extension H (Unicode 15, Lo)"),
    ("ideographic-description", "\u2FFC", "U+2FFC IDEOGRAPHIC DESCRIPTION CHARACTER (Unicode 15.1, So)"),
    ("legacy-computing", "\U0001CC00", "U+1CC00, Symbols for Legacy Computing Supplement (Unicode 16, So)"),
    ("garay-letter", "\U00010D50", "U+10D50, Garay script (Unicode 16, Lu)"),
    ("toto-letter", "\U0001E290", "U+1E290, Toto script (Unicode 14, Lo)"),
]:
    add(t, slug, note, member="Username", value=value, otherwise=["pattern"],
        flags=["UnicodeVersion", "SensitiveValue"])

# normalization ---------------------------------------------------------------
t = topic("normalization", "Values are judged exactly as sent: no NFC, NFD, NFKC or canonical equivalence.")
add(t, "nfc-128", "128 precomposed é (NFC): 128 scalars, valid", member="Username", value="é" * 128, flags=["NoNormalization", "LengthBoundary"])
add(t, "nfd-128", "128 decomposed é (NFD): 256 scalars, too long", member="Username", value="e\u0301" * 128, expect=["length"],
    flags=["NoNormalization", "ScalarsNotGraphemes"])
add(t, "hangul-nfc", "Precomposed Hangul syllables", member="Username", value="한국어", flags=["NoNormalization"])
add(t, "hangul-nfd", "The same Hangul decomposed into jamo", member="Username", value=unicodedata.normalize("NFD", "한국어"), flags=["NoNormalization"])
add(t, "angstrom-sign", "ANGSTROM SIGN U+212B (canonically Å) in EventId", member="EventId", value="\u212B", expect=["pattern"], flags=["NoNormalization", "AsciiWord"])
add(t, "ohm-sign-pool", "OHM SIGN in the pool ID suffix", member="UserPoolId", value="us-east-1_\u2126", expect=["pattern"], flags=["NoNormalization", "AsciiWord"])
add(t, "nfkc-would-fix", "Fullwidth pool ID: NFKC would make it valid", member="UserPoolId", value="ｕｓ-ｅａｓｔ-１_ａｂｃ", expect=["pattern"], flags=["NoNormalization", "AsciiWord"])
add(t, "kelvin-in-token", "KELVIN SIGN in a token", member="FeedbackToken", value="abc\u212A", ops=("update",), expect=["pattern"], flags=["NoNormalization", "SensitiveValue"])

# multiple violations -------------------------------------------------------------
t = topic("multiple-violations", "Every failure of every member is reported and counted.")
add(t, "all-members-bad", "Every member fails", ops=("update",),
    body={"UserPoolId": "bad pool", "Username": "bad user", "EventId": "bad event", "FeedbackToken": "bad/token", "FeedbackValue": "maybe"},
    expect=[("UserPoolId", "pattern"), ("Username", "pattern"), ("EventId", "pattern"), ("FeedbackToken", "pattern"), ("FeedbackValue", "enum")],
    flags=["MultipleViolations", "SensitiveValue", "Whitespace"])
add(t, "all-members-bad-admin", "Every member fails", ops=("admin",),
    body={"UserPoolId": "bad pool", "Username": "bad user", "EventId": "bad event", "FeedbackValue": "maybe"},
    expect=[("UserPoolId", "pattern"), ("Username", "pattern"), ("EventId", "pattern"), ("FeedbackValue", "enum")],
    flags=["MultipleViolations", "SensitiveValue", "Whitespace"])
add(t, "all-empty", "Every member is an empty string", ops=("update",),
    body={m: "" for m in RULES},
    expect=[("UserPoolId", "length"), ("UserPoolId", "pattern"), ("Username", "length"), ("Username", "pattern"),
            ("EventId", "length"), ("EventId", "pattern"), ("FeedbackToken", "pattern"), ("FeedbackValue", "enum")],
    flags=["MultipleViolations", "EmptyString"])
add(t, "required-and-pattern", "One member absent and another invalid", ops=BOTH,
    body={"UserPoolId": "us-east-1_abc-def", "EventId": "e1", "FeedbackValue": "Valid", "FeedbackToken": "t"},
    expect=[("UserPoolId", "pattern"), ("Username", "required")], flags=["MultipleViolations", "AbsentMember", "PoolIdBacktracking"])
add(t, "too-long-everything", "Every bounded member too long and malformed", ops=("admin",),
    body={"UserPoolId": "x" * 56, "Username": " " * 129, "EventId": "." * 51, "FeedbackValue": "Valid"},
    expect=[("UserPoolId", "length"), ("UserPoolId", "pattern"), ("Username", "length"), ("Username", "pattern"),
            ("EventId", "length"), ("EventId", "pattern")], flags=["MultipleViolations", "LengthBoundary", "Whitespace"])

# redaction -------------------------------------------------------------------
t = topic("redaction", "Sensitive values (Username, FeedbackToken) never appear in messages; other values do.")
CANARY_USER = "canary user 7f3a91"
CANARY_TOKEN = "canary/token+7f3a91"
add(t, "username-canary", "An invalid canary username: the message omits it", member="Username", value=CANARY_USER,
    expect=["pattern"], flags=["SensitiveValue", "Whitespace"])
add(t, "token-canary", "An invalid canary token: the message omits it", member="FeedbackToken", value=CANARY_TOKEN, ops=("update",),
    expect=["pattern"], flags=["SensitiveValue", "TokenCharset"])
add(t, "both-canaries", "Invalid canary username and token, and a visible pool ID", ops=("update",),
    body={**BASE, "Username": CANARY_USER, "FeedbackToken": CANARY_TOKEN, "UserPoolId": "visible pool"},
    expect=[("UserPoolId", "pattern"), ("Username", "pattern"), ("FeedbackToken", "pattern")], flags=["SensitiveValue", "MultipleViolations"])
add(t, "long-username-canary", "A too-long canary username: the length message omits it", member="Username", value="canary7f3a91" * 11,
    expect=["length"], flags=["SensitiveValue", "LengthBoundary"])
add(t, "event-id-shown", "A non-sensitive value is quoted in its message", member="EventId", value="shown event!", expect=["pattern"], flags=["Whitespace"])

# unknown members --------------------------------------------------------------
t = topic("unknown-members", "Keys the operation does not model are ignored; member names are case-sensitive.")
add(t, "extra-key", "An extra unknown key is ignored", body={**BASE, "ClientMetadata": {"a": "b"}}, ops=("update",), flags=["UnknownMember"], applies=WIRE)
add(t, "extra-key-admin", "An extra unknown key is ignored", body={**{k: v for k, v in BASE.items() if k != "FeedbackToken"}, "Extra": 1},
    ops=("admin",), flags=["UnknownMember"], applies=WIRE)
add(t, "token-in-admin", "A FeedbackToken sent to the Admin operation is ignored", body=BASE, ops=("admin",), flags=["UnknownMember"], applies=WIRE)
add(t, "bad-token-in-admin", "Even an invalid FeedbackToken is ignored by the Admin operation", body={**BASE, "FeedbackToken": "not a token!"},
    ops=("admin",), flags=["UnknownMember"], applies=WIRE)
add(t, "number-token-in-admin", "A FeedbackToken of the wrong type is ignored by the Admin operation", body={**BASE, "FeedbackToken": 5},
    ops=("admin",), flags=["UnknownMember"], applies=WIRE)
for wrong, right in [("username", "Username"), ("userPoolId", "UserPoolId"), ("FEEDBACKVALUE", "FeedbackValue")]:
    b = {(wrong if k == right else k): v for k, v in BASE.items()}
    add(t, f"lowercase-{wrong.lower()}", f"Key {wrong!r} is not {right!r}: {right} is absent", body=b, ops=("update",),
        expect=[(right, "required")], flags=["MemberNameCase", "UnknownMember"], applies=WIRE)


# wire ----------------------------------------------------------------------------
t = topic("wire", "The body's exact text on the wire (the vector's wire field): escapes, member order, white space, "
          "duplicate keys. Implementations judge the decoded values; body is what the text decodes to.")


def text(op, raw=None, order=None, extra=(), sep=",", colon=":", before="", after=""):
    """A body text: the operation's members (BASE values unless `raw` gives their JSON text), in `order`,
    then `extra` (key, JSON text) pairs, which may repeat a key."""
    members = OPERATIONS[op][1]
    raw = raw or {}
    items = [(k, raw.get(k, json.dumps(BASE[k]))) for k in (order or members) if k in members]
    items += list(extra)
    return before + "{" + sep.join(f'"{k}"{colon}{v}' for k, v in items) + "}" + after


add(t, "escaped-latin", "A username written with \\u escapes for its accented letters", applies=WIRE,
    wire=lambda op: text(op, raw={"Username": r'"\u00e9l\u00e8ve"'}), flags=["EscapedUnicode"])
add(t, "escaped-cjk", "A CJK username written as \\u escapes", applies=WIRE,
    wire=lambda op: text(op, raw={"Username": r'"\u5c71\u7530\u592a\u90ce"'}), flags=["EscapedUnicode"])
add(t, "escaped-ascii", "An ASCII username written entirely as \\u escapes", applies=WIRE,
    wire=lambda op: text(op, raw={"Username": r'"\u0061\u006c\u0069\u0063\u0065"'}), flags=["EscapedUnicode"])
add(t, "surrogate-pair-emoji", "An emoji written as a surrogate-pair escape: one symbol scalar", applies=WIRE,
    wire=lambda op: text(op, raw={"Username": r'"alice\ud83d\ude00"'}), flags=["SurrogatePairEscape", "EscapedUnicode"])
add(t, "surrogate-pair-at-max-length", "127 letters and an escaped emoji: 128 scalars although 129 UTF-16 units", applies=WIRE,
    wire=lambda op: text(op, raw={"Username": '"' + "a" * 127 + r'\ud83d\ude00"'}),
    flags=["SurrogatePairEscape", "ScalarsNotUtf16", "LengthBoundary"])
add(t, "escaped-zwj-sequence", "A ZWJ emoji sequence written with escapes: U+200D is Cf", applies=WIRE,
    wire=lambda op: text(op, raw={"Username": r'"\ud83d\udc69\u200d\ud83d\udcbb"'}), expect=[("Username", "pattern")],
    flags=["SurrogatePairEscape", "EscapedUnicode", "FormatCharacter", "PerScalarClass", "SensitiveValue"])
add(t, "escaped-nul-event-id", "An EventId ending in an escaped NUL", applies=WIRE,
    wire=lambda op: text(op, raw={"EventId": r'"e1\u0000"'}), expect=[("EventId", "pattern")],
    flags=["EscapedUnicode", "ControlCharacter"])
add(t, "escaped-escape-event-id", "An EventId holding an escaped ESC control character", applies=WIRE,
    wire=lambda op: text(op, raw={"EventId": r'"e\u001b1"'}), expect=[("EventId", "pattern")],
    flags=["EscapedUnicode", "ControlCharacter"])
add(t, "reversed-order", "Members in the reverse of the model's order", applies=WIRE,
    wire=lambda op: text(op, order=list(reversed(OPERATIONS[op][1]))), flags=["MemberOrder"])
add(t, "token-first", "FeedbackToken first, FeedbackValue second", applies=WIRE, ops=("update",),
    wire=lambda op: text(op, order=["FeedbackToken", "FeedbackValue", "EventId", "UserPoolId", "Username"]), flags=["MemberOrder"])
add(t, "reversed-order-invalid", "Members reversed, with an invalid UserPoolId and EventId: the same violations", applies=WIRE,
    wire=lambda op: text(op, order=list(reversed(OPERATIONS[op][1])), raw={"UserPoolId": '"eu-west-1"', "EventId": '"e 1"'}),
    expect=[("UserPoolId", "pattern"), ("EventId", "pattern")], flags=["MemberOrder", "MultipleViolations", "Whitespace"])
add(t, "unknown-extras", "Unknown members of every JSON type, nested, among the modelled ones", applies=WIRE,
    wire=lambda op: text(op, extra=[("ClientMetadata", '{"k":"v","n":{"a":[1,true,null]}}'), ("Extra", '["a",{"b":null}]')]),
    flags=["UnknownMember"])
add(t, "whitespace", "Spaces, tabs, CR and LF between every token", applies=WIRE,
    wire=lambda op: text(op, sep=" ,\n\t", colon=" :\r\n ", before="\n ", after=" \r\n"), flags=["JsonWhitespace"])
add(t, "pretty-printed", "A pretty-printed body", applies=WIRE,
    wire=lambda op: json.dumps({k: BASE[k] for k in OPERATIONS[op][1]}, indent=4) + "\n", flags=["JsonWhitespace"])
add(t, "solidus-username", "A username written with the \\/ escape", applies=WIRE,
    wire=lambda op: text(op, raw={"Username": r'"team\/alice"'}), flags=["SolidusEscape"])
add(t, "solidus-token", "A token written with the \\/ escape: '/' is not in the token charset", applies=WIRE, ops=("update",),
    wire=lambda op: text(op, raw={"FeedbackToken": r'"abc\/def"'}), expect=[("FeedbackToken", "pattern")],
    flags=["SolidusEscape", "TokenCharset", "SensitiveValue"])
# Duplicate keys: nothing public shows what the service's JSON layer does, so the last value, the first value
# and a refusal of the body are all allowed (Python's json reads the last value: the vector's body).
DUPLICATE = "; the last value, the first value or a refusal of the body conforms"
add(t, "duplicate-username-last-valid", "Username twice: an invalid value, then a valid one" + DUPLICATE, applies=WIRE,
    wire=lambda op: text(op, raw={"Username": '"bad user"'}, extra=[("Username", '"alice"')]),
    readings={"first": [("Username", "pattern")]}, flags=["DuplicateKey", "Whitespace"])
add(t, "duplicate-username-last-invalid", "Username twice: a valid value, then an invalid one" + DUPLICATE, applies=WIRE,
    wire=lambda op: text(op, extra=[("Username", '"bad user"')]), expect=[("Username", "pattern")], readings={"first": []},
    flags=["DuplicateKey", "SensitiveValue", "Whitespace"])
add(t, "duplicate-value-last-valid", "FeedbackValue twice: an invalid value, then Valid" + DUPLICATE, applies=WIRE,
    wire=lambda op: text(op, raw={"FeedbackValue": '"maybe"'}, extra=[("FeedbackValue", '"Valid"')]),
    readings={"first": [("FeedbackValue", "enum")]}, flags=["DuplicateKey"])
add(t, "duplicate-value-last-invalid", "FeedbackValue twice: Valid, then an invalid value" + DUPLICATE, applies=WIRE,
    wire=lambda op: text(op, extra=[("FeedbackValue", '"maybe"')]), expect=[("FeedbackValue", "enum")], readings={"first": []},
    flags=["DuplicateKey"])
add(t, "duplicate-null-then-value", "Username null, then a value" + DUPLICATE, applies=WIRE,
    wire=lambda op: text(op, raw={"Username": "null"}, extra=[("Username", '"alice"')]),
    readings={"first": [("Username", "required")]}, flags=["DuplicateKey", "NullIsAbsent"])
add(t, "duplicate-value-then-null", "Username a value, then null" + DUPLICATE, applies=WIRE,
    wire=lambda op: text(op, extra=[("Username", "null")]), expect=[("Username", "required")], readings={"first": []},
    flags=["DuplicateKey", "NullIsAbsent"])


# lone surrogates (acceptable) ---------------------------------------------------
t = topic("lone-surrogates", "Escapes of lone UTF-16 surrogates: the text has no Unicode reading, so these vectors carry a wire text "
          "and no body. Nothing public shows what the service's JSON layer makes of them, so every plausible reading is "
          "allowed: the surrogate kept as a code point of category Cs (the member fails its pattern), the body refused "
          "as malformed (SerializationException), or the surrogate read as U+FFFD (category So: a valid username "
          "character, outside the token charset).")
LONE = ["LoneSurrogate", "EscapedUnicode", "SensitiveValue"]
for slug, member, raw, ops, note, extra, as_fffd in [
    ("lone-high", "Username", r'"\ud800"', BOTH, "A username of one escaped lone high surrogate, U+D800 (Cs)", [], []),
    ("lone-low", "Username", r'"\udfff"', BOTH, "A username of one escaped lone low surrogate, U+DFFF (Cs)", [], []),
    ("reversed-pair", "Username", r'"\udc00\ud800"', BOTH,
     "An escaped surrogate pair in the wrong order, low then high: two lone surrogates, not one scalar", [], []),
    ("cut-emoji", "Username", r'"alice\ud83d"', BOTH, "A username ending in an emoji's escaped high surrogate, its low half cut off",
     ["PrefixMatch"], []),
    ("token-lone-low", "FeedbackToken", r'"abc\udc00"', ("update",), "A token ending in an escaped lone low surrogate",
     ["PrefixMatch"], ["pattern"]),
]:
    add(t, slug, note, ops=ops, applies=WIRE, wire=lambda op, member=member, raw=raw: text(op, raw={member: raw}),
        expect=[(member, "pattern")], readings={"U+FFFD": [(member, c) for c in as_fffd]}, flags=LONE + extra)


# general categories -----------------------------------------------------------------
t = topic("username-categories", "One username per Unicode general category: each of the 22 categories of L, M, S, N and P is "
          "valid; Zs, Zl, Zp, Cc, Cf, Co and Cn are not (Cs, which no Unicode string holds, is in lone-surrogates).")
CATEGORY_SAMPLES = [  # (category, scalar, name); regex and unicodedata confirm each category below
    ("Lu", 0x00C4, "LATIN CAPITAL LETTER A WITH DIAERESIS"), ("Ll", 0x00DF, "LATIN SMALL LETTER SHARP S"),
    ("Lt", 0x01C5, "LATIN CAPITAL LETTER D WITH SMALL LETTER Z WITH CARON"), ("Lm", 0x02B0, "MODIFIER LETTER SMALL H"),
    ("Lo", 0x05D0, "HEBREW LETTER ALEF"), ("Mn", 0x0300, "COMBINING GRAVE ACCENT"), ("Mc", 0x0903, "DEVANAGARI SIGN VISARGA"),
    ("Me", 0x20DD, "COMBINING ENCLOSING CIRCLE"), ("Sm", 0x00D7, "MULTIPLICATION SIGN"), ("Sc", 0x00A2, "CENT SIGN"),
    ("Sk", 0x02C2, "MODIFIER LETTER LEFT ARROWHEAD"), ("So", 0x00A9, "COPYRIGHT SIGN"),
    ("Nd", 0x0663, "ARABIC-INDIC DIGIT THREE"), ("Nl", 0x2160, "ROMAN NUMERAL ONE"), ("No", 0x00BD, "VULGAR FRACTION ONE HALF"),
    ("Pc", 0x2040, "CHARACTER TIE"), ("Pd", 0x2010, "HYPHEN"), ("Ps", 0x300C, "LEFT CORNER BRACKET"),
    ("Pe", 0x300D, "RIGHT CORNER BRACKET"), ("Pi", 0x00AB, "LEFT-POINTING DOUBLE ANGLE QUOTATION MARK"),
    ("Pf", 0x00BB, "RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK"), ("Po", 0x00A1, "INVERTED EXCLAMATION MARK"),
    ("Zs", 0x2003, "EM SPACE"), ("Zl", 0x2028, "LINE SEPARATOR"), ("Zp", 0x2029, "PARAGRAPH SEPARATOR"),
    ("Cc", 0x0007, "BELL"), ("Cf", 0x2061, "FUNCTION APPLICATION"), ("Co", 0xF000, "a private-use scalar"),
    ("Cn", 0x0380, "an unassigned scalar"),
]
CATEGORY_FLAGS = {"Zs": ["Whitespace"], "Zl": ["LineTerminator"], "Zp": ["LineTerminator"], "Cc": ["ControlCharacter"],
                  "Cf": ["FormatCharacter"], "Co": ["PrivateUse"], "Cn": ["Unassigned"]}
for gc, cp, name in CATEGORY_SAMPLES:
    ch = chr(cp)
    if not regex.fullmatch(r"\p{gc=%s}" % gc, ch) or (gc != "Cn" and unicodedata.category(ch) != gc):
        raise SystemExit(f"username-categories: U+{cp:04X} is not {gc}")
    if gc in CATEGORY_FLAGS:
        add(t, f"category-{gc.lower()}", f"U+{cp:04X} {name} ({gc}) between two letters", member="Username",
            value="a" + ch + "b", expect=["pattern"], flags=["GeneralCategory"] + CATEGORY_FLAGS[gc])
    else:
        add(t, f"category-{gc.lower()}", f"U+{cp:04X} {name} ({gc}) alone", member="Username", value=ch,
            flags=["GeneralCategory"])

# every Unicode version ---------------------------------------------------------------
t = "unicode-version"
AGE_SAMPLES = [  # (version, scalar, name, category); unicodedataplus's DerivedAge confirms each version below
    ("1.1", 0x0416, "CYRILLIC CAPITAL LETTER ZHE", "Lu"), ("2.0", 0xAC00, "HANGUL SYLLABLE GA", "Lo"),
    ("2.1", 0x20AC, "EURO SIGN", "Sc"), ("3.0", 0x0710, "SYRIAC LETTER ALAPH", "Lo"),
    ("3.1", 0x10330, "GOTHIC LETTER AHSA", "Lo"), ("3.2", 0x1700, "TAGALOG LETTER A", "Lo"),
    ("4.0", 0x10000, "LINEAR B SYLLABLE B008 A", "Lo"), ("4.1", 0x2C00, "GLAGOLITIC CAPITAL LETTER AZU", "Lu"),
    ("5.0", 0x1B05, "BALINESE LETTER AKARA", "Lo"), ("5.1", 0xA500, "VAI SYLLABLE EE", "Lo"),
    ("5.2", 0xA6A0, "BAMUM LETTER A", "Lo"), ("6.0", 0x0840, "MANDAIC LETTER HALQA", "Lo"),
    ("6.1", 0x11103, "CHAKMA LETTER AA", "Lo"), ("6.2", 0x20BA, "TURKISH LIRA SIGN", "Sc"),
    ("6.3", 0x2066, "LEFT-TO-RIGHT ISOLATE", "Cf"), ("7.0", 0x10350, "OLD PERMIC LETTER AN", "Lo"),
    ("8.0", 0x10C80, "OLD HUNGARIAN CAPITAL LETTER A", "Lu"), ("9.0", 0x104B0, "OSAGE CAPITAL LETTER A", "Lu"),
    ("10.0", 0x20BF, "BITCOIN SIGN", "Sc"), ("11.0", 0x10F00, "OLD SOGDIAN LETTER ALEPH", "Lo"),
    ("12.0", 0x10FE0, "ELYMAIC LETTER ALEPH", "Lo"), ("12.1", 0x32FF, "SQUARE ERA NAME REIWA", "So"),
    ("13.0", 0x10E80, "YEZIDI LETTER ELIF", "Lo"),
    # 14.0, 15.0, 15.1 and 16.0: the toto-letter, shaking-face, ideographic-description and garay-letter cases above.
    ("17.0", 0x1FAEA, "a Unicode 17.0 emoji", "So"),
]
for version, cp, name, gc in AGE_SAMPLES:
    ch = chr(cp)
    stated = unicodedataplus.age(ch)
    # unicodedataplus holds Unicode 16.0 data: a 17.0 scalar is unassigned there and assigned in regex's newer data.
    if (stated != version if version != "17.0" else stated != "Unassigned") or not regex.fullmatch(r"\p{gc=%s}" % gc, ch):
        raise SystemExit(f"unicode-version: U+{cp:04X} is not a {gc} of Unicode {version} (DerivedAge says {stated})")
    slug = "age-" + version.replace(".", "-")
    if gc == "Cf":
        add(t, slug, f"U+{cp:04X} {name}: Unicode {version} assigned no letter, mark, symbol, number or punctuation, "
            "only format characters (Cf), invalid in every reading", member="Username", value="a" + ch,
            expect=["pattern"], flags=["UnicodeAge", "FormatCharacter"])
    elif version == "17.0":
        add(t, slug, f"U+{cp:04X}, {name} ({gc}): valid on Unicode 17 data, unassigned before", member="Username", value=ch,
            otherwise=["pattern"], flags=["UnicodeAge", "UnicodeVersion"])
    else:
        add(t, slug, f"U+{cp:04X} {name} ({gc}), first assigned in Unicode {version}", member="Username", value=ch,
            flags=["UnicodeAge"])
for slug in ("toto-letter", "shaking-face", "ideographic-description", "garay-letter"):
    for vector in TOPICS[t][1]:
        if vector["id"].startswith(f"{t}.{slug}.") and "UnicodeAge" not in vector["flags"]:
            vector["flags"].append("UnicodeAge")

# large values ---------------------------------------------------------------------------
t = topic("large-values", "Values far beyond any plausible cap, kept apart from the topic files for their size: "
          "FeedbackToken has no length limit.")
TOKEN_RUN = "aZ9-_=." * 149797  # 1,048,579 scalars of every token character
add(t, "token-64k-plus-1", "A 65,537-scalar token: one over 64 KiB", member="FeedbackToken", value=TOKEN_RUN[:65537],
    ops=("update",), flags=["NoLengthLimit", "LargeValue"])
add(t, "token-1m-plus-1", "A 1,048,577-scalar token: one over 1 MiB", member="FeedbackToken", value=TOKEN_RUN[:1048577],
    ops=("update",), flags=["NoLengthLimit", "LargeValue"])
add(t, "token-1m-bad-end", "A 1,048,577-scalar token whose last character is '/': only the pattern fails",
    member="FeedbackToken", value=TOKEN_RUN[:1048576] + "/", ops=("update",), expect=["pattern"],
    flags=["NoLengthLimit", "LargeValue", "PrefixMatch"])

# JSON escapes in every member, where the message quotes the decoded value ----------------------
t = "wire"
for slug, member, raw, expect, note, fl in [
    ("solidus-pool-id", "UserPoolId", r'"us-east-1\/abc"', ["pattern"], "A pool ID written with \\/: the message quotes '/'",
     ["SolidusEscape"]),
    ("solidus-event-id", "EventId", r'"evt\/1"', ["pattern"], "An EventId written with \\/: the message quotes '/'",
     ["SolidusEscape"]),
    ("solidus-feedback-value", "FeedbackValue", r'"Valid\/"', ["enum"], "A FeedbackValue written with \\/: the message quotes '/'",
     ["SolidusEscape", "EnumExact"]),
    ("escaped-pool-id", "UserPoolId", r'"us-east-1_\u0041BC"', [], "A pool ID with an escaped ASCII letter: valid once decoded",
     ["EscapedUnicode"]),
    ("escaped-feedback-value", "FeedbackValue", r'"\u0056alid"', [], "FeedbackValue \\u0056alid is Valid once decoded",
     ["EscapedUnicode", "EnumExact"]),
    ("escaped-lowercase-value", "FeedbackValue", r'"\u0076alid"', ["enum"],
     "FeedbackValue \\u0076alid is valid, lowercase: the message quotes the decoded value", ["EscapedUnicode", "EnumCase"]),
    ("escaped-accented-event-id", "EventId", r'"\u00e9v\u00e9nement"', ["pattern"],
     "An EventId with escaped accented letters: the message quotes them decoded", ["EscapedUnicode", "AsciiWord"]),
    ("escaped-token", "FeedbackToken", r'"abc\u002Ddef\u003D"', [], "A token with escaped '-' and '=': valid once decoded",
     ["EscapedUnicode", "TokenCharset"]),
    ("newline-escape-event-id", "EventId", r'"e\n1"', ["pattern"], "An EventId holding a \\n escape: the message quotes a real LF",
     ["ShortEscape", "LineTerminator"]),
    ("tab-escape-pool-id", "UserPoolId", r'"us-east-1_abc\t"', ["pattern"], "A pool ID ending in a \\t escape: the message quotes a real tab",
     ["ShortEscape", "ControlCharacter"]),
    ("newline-escape-feedback-value", "FeedbackValue", r'"Valid\n"', ["enum"],
     "FeedbackValue ending in a \\n escape: the message quotes a real LF", ["ShortEscape", "EnumExact", "TrailingNewline"]),
    ("return-escape-username", "Username", r'"alice\r"', ["pattern"], "A username ending in a \\r escape: a CR (Cc)",
     ["ShortEscape", "LineTerminator"]),
    ("backspace-escape-token", "FeedbackToken", r'"abc\b"', ["pattern"], "A token ending in a \\b escape: a backspace (Cc)",
     ["ShortEscape", "ControlCharacter"]),
    ("formfeed-escape-event-id", "EventId", r'"e\f1"', ["pattern"], "An EventId holding a \\f escape: a form feed (Cc)",
     ["ShortEscape", "ControlCharacter"]),
    ("backslash-escape-event-id", "EventId", r'"a\\b"', ["pattern"], "An EventId holding an escaped backslash: the message quotes one backslash",
     ["ShortEscape"]),
    ("quote-escape-feedback-value", "FeedbackValue", r'"\"Valid\""', ["enum"],
     "FeedbackValue \"Valid\" with escaped quotes: the message quotes the quotes", ["ShortEscape", "EnumExact"]),
    ("backslash-escape-username", "Username", r'"al\\ice"', [], "A username holding an escaped backslash (Po): valid",
     ["ShortEscape"]),
    ("surrogate-pair-event-id", "EventId", r'"evt\ud83d\ude00"', ["pattern"],
     "An EventId ending in an escaped emoji: the message quotes the emoji", ["SurrogatePairEscape", "EscapedUnicode"]),
    ("surrogate-pair-pool-id-55", "UserPoolId", '"us-east-1_' + "A" * 44 + r'\ud83d\ude00"', ["pattern"],
     "54 ASCII scalars and an escaped emoji: 55 scalars (56 UTF-16 units), so only the pattern fails, quoting the emoji",
     ["SurrogatePairEscape", "ScalarsNotUtf16", "LengthBoundary"]),
    ("surrogate-pair-feedback-value", "FeedbackValue", r'"Valid\ud83d\udc4d"', ["enum"],
     "FeedbackValue ending in an escaped emoji: the message quotes the emoji", ["SurrogatePairEscape", "EnumExact"]),
]:
    ops = ("update",) if member == "FeedbackToken" else BOTH
    add(t, slug, note, ops=ops, applies=WIRE, wire=lambda op, member=member, raw=raw: text(op, raw={member: raw}),
        expect=[(member, c) for c in expect], flags=fl)
for slug, key, note in [
    ("escaped-key-username", r"\u0055sername", "The Username key written \\u0055sername: it names Username"),
    ("escaped-key-feedback-value", r"Feedback\u0056alue", "The FeedbackValue key written Feedback\\u0056alue: it names FeedbackValue"),
]:
    plain = key.replace(r"\u0055", "U").replace(r"\u0056", "V")
    add(t, slug, note, applies=WIRE, flags=["EscapedKey", "EscapedUnicode"],
        wire=lambda op, key=key, plain=plain: text(op).replace(f'"{plain}":', f'"{key}":', 1))
add(t, "escaped-key-other", "A key \\u0055serName (capital N) is not Username: Username is absent", applies=WIRE,
    wire=lambda op: text(op).replace('"Username":', r'"\u0055serName":', 1), expect=[("Username", "required")],
    flags=["EscapedKey", "MemberNameCase", "UnknownMember"])

# malformed bodies -------------------------------------------------------------------------
t = topic("malformed-bodies", "Bodies that are no JSON object: a server answers HTTP 400 SerializationException, an engine or "
          "linter refuses them as unusable. An empty body may be read as {} instead.")
for slug, note, make in [
    ("not-json", "A form-encoded body instead of JSON",
     lambda op: "&".join(f"{k}={BASE[k]}" for k in OPERATIONS[op][1])),
    ("trailing-comma", "A trailing comma after the last member", lambda op: text(op)[:-1] + ",}"),
    ("line-comment", "A // comment before the first member", lambda op: "{// feedback\n" + text(op)[1:]),
    ("block-comment", "A /* */ comment between members", lambda op: text(op).replace(",", ",/* next */", 1)),
    ("single-quotes", "Keys and values in single quotes",
     lambda op: "{" + ",".join(f"'{k}':'{BASE[k]}'" for k in OPERATIONS[op][1]) + "}"),
    ("truncated", "The document cut short before its closing brace", lambda op: text(op)[:-1]),
    ("trailing-data", "Text after the closing brace", lambda op: text(op) + "abc"),
    ("two-documents", "Two objects one after the other", lambda op: text(op) + text(op)),
    ("form-feed", "A form feed, which is no JSON white space, between tokens", lambda op: "{\f" + text(op)[1:]),
    ("top-level-array", "The request object inside an array", lambda op: "[" + text(op) + "]"),
    ("top-level-string", "The request encoded twice: a JSON string holding the object's text", lambda op: json.dumps(text(op))),
    ("top-level-number", "A number instead of an object", lambda op: "10"),
    ("null-body", "A body that is only null", lambda op: "null"),
]:
    # JSON that is no object: nothing public shows Coral's answer (Smithy's restJson1 malformed-request tests
    # and RFC 8259 are the reasoning). Text after the object: no evidence either.
    stated = "inferred" if slug.startswith("top-level-") or slug in ("null-body", "trailing-data", "two-documents") else None
    # Text after a whole object: refused, or the first object read (and, for a second object, the last).
    trailing = {"trailing-data": {"first": []}, "two-documents": {"first": [], "last": []}}.get(slug)
    add(t, slug, note + ("" if trailing is None else ": refused, or the object read and the rest ignored"), wire=make,
        unreadable="malformed", readings=trailing, applies=WIRE,
        flags=["MalformedBody"] + ([] if trailing is None else ["TrailingData"]), evidence=stated)
for slug, note, raw in [("empty-body", "An empty body", ""), ("whitespace-body", "A body of white space only", " \r\n\t")]:
    for op in BOTH:
        add(t, slug, note + ": refused (SerializationException), or read as {} where every member fails as required",
            wire=lambda op, raw=raw: raw, ops=(op,), unreadable="empty", applies=WIRE,
            flags=["EmptyBody", "AbsentMember", "MultipleViolations"], expect=[(m, "required") for m in OPERATIONS[op][1]])


# --- Output --------------------------------------------------------------------

INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me", "Mc", "Sk"}


def readable(text):
    """Escapes characters a reader could not see (or that editors mangle)."""
    out = []
    for ch in text:
        if ch in " \n" or (ord(ch) < 0x80 and ch.isprintable()) or unicodedata.category(ch) not in INVISIBLE:
            out.append(ch)
        elif ord(ch) > 0xFFFF:
            v = ord(ch) - 0x10000
            out.append("\\u%04x\\u%04x" % (0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF)))
        else:
            out.append("\\u%04x" % ord(ch))
    return "".join(out)


def render(obj):
    return readable(json.dumps(obj, ensure_ascii=False, indent=2)) + "\n"


def outputs():
    files = {}
    files["flags.json"] = render({"$schema": "schema.json#/$defs/flagsFile", "flags": {
        name: {"description": d, "source": s, "evidence": FLAG_EVIDENCE.get(name, "documented")}
        for name, (d, s) in sorted(FLAGS.items())}})
    for name, (description, tests) in TOPICS.items():
        files[f"{name}.json"] = render({"$schema": "schema.json", "topic": name, "description": description, "tests": tests})
    return files


def main():
    check = "--check" in sys.argv
    used = {f for _, tests in TOPICS.values() for v in tests for f in v["flags"]}
    unknown = used - set(FLAGS)
    if unknown:
        raise SystemExit(f"undefined flags: {sorted(unknown)}")
    stale = []
    for name, text in outputs().items():
        path = os.path.join(VECTORS, name)
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            stale.append(name)
            if not check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    count = sum(len(t) for _, t in TOPICS.values())
    if check and stale:
        raise SystemExit(f"stale vector files (run vectors/tools/generate.py): {', '.join(stale)}")
    print(f"generate: {count} vectors in {len(TOPICS)} topics, all agree with Python regex {regex.__version__}"
          + ("; files up to date" if check else f"; wrote {len(stale)} file(s)"))


if __name__ == "__main__":
    main()
