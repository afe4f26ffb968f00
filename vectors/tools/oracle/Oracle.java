/*
 * Oracle: an independent re-derivation, with java.util.regex, of the expectation
 * of every test vector in vectors/*.json (Amazon Cognito UpdateAuthEventFeedback /
 * AdminUpdateAuthEventFeedback request validation).
 *
 * Usage (Java 17+, source-launch mode, no build step, no dependencies):
 *   java vectors/tools/oracle/Oracle.java [-v] PATH...
 * Each PATH is a vectors directory (every *.json in it except schema.json and
 * flags.json is read, in name order) or a single topic file.
 *   -v  also print, for each "acceptable" vector, the reading Java took.
 *
 * Summary: "agree" counts valid and invalid vectors; "acceptable-as-valid" and
 * "acceptable-as-invalid" the acceptable vectors with one reading here (the
 * Unicode version decides), by the reading Java took; "contested" those whose
 * text has several plausible readings, every one of them allowed.
 *
 * Rules (from the botocore service model cognito-idp 2016-04-18, the Smithy
 * constraint traits and awsJson1.1 protocol, and public Cognito error messages;
 * written here independently of the Swift engine and of the Python generator):
 *  - members per operation, in this order:
 *      UpdateAuthEventFeedback:      UserPoolId, Username, EventId, FeedbackToken, FeedbackValue
 *      AdminUpdateAuthEventFeedback: UserPoolId, Username, EventId, FeedbackValue
 *    all required; every other body key is ignored (FeedbackToken too, in the Admin operation).
 *  - a member present with a value that is neither a JSON string nor null:
 *    SerializationException, one "type" violation (message null) per such member,
 *    aggregate message null, and no other check runs.
 *  - otherwise, per member in table order: absent/null -> "required" only;
 *    else length (Unicode code points), then pattern (whole value must match,
 *    java.util.regex default flags, so \w is ASCII), or enum for FeedbackValue.
 *  - messages: "Value 'v' at 'path' failed to satisfy constraint: ..."; sensitive
 *    members (Username, FeedbackToken) omit the value: "Value at 'path' ...";
 *    aggregate: "N validation error(s) detected: " + parts joined by "; ".
 *
 * Comparison: errorType equal; the multiset of (member, path, constraint,
 * message) equal; and the aggregate message equal to the prefix followed by
 * the expected violations' messages in their listed order joined by "; "
 * (so it is a permutation of the computed parts; the order is not pinned,
 * since Cognito's order is not stable). "acceptable" vectors list their
 * "alternatives" (required for them, forbidden otherwise): "valid", "refused"
 * or an error object, each another answer allowed besides "expected".
 *
 * Wire text: a vector may carry "wire", the exact body text sent (escapes,
 * member order, duplicate keys). The oracle then parses that text with its own
 * strict parser (a duplicate key keeps its last value), requires it to equal
 * "body", and derives the answers from the parsed wire. The meaning of some
 * texts is contested (nothing public shows what the service's JSON layer
 * does), and the oracle derives every plausible reading on its own:
 *  - a duplicate key: its last value, its first value, a refusal;
 *  - a lone surrogate escape (no body: the text has no Unicode reading): kept
 *    in the Java String (codePointCount counts it as one code point;
 *    java.util.regex sees category Cs), read as U+FFFD (category So), a
 *    refusal;
 *  - a whole object followed by more text (flag TrailingData): a refusal, the
 *    first object, the last object;
 *  - an empty or white-space-only text (flag EmptyBody): a refusal, {}.
 * Such a vector must be acceptable, and its expected and alternatives must be
 * exactly those answers: none missing, none that no reading gives. Any other
 * text that this strict parser refuses (not JSON, a trailing comma, a comment,
 * single quotes, a document cut short, a form feed) or that is JSON but not an
 * object (an array, a string, a number, null) is a malformed body: a refusal
 * (SerializationException, no aggregate message, no violation), flag
 * MalformedBody. An acceptable vector with one reading here (UnicodeVersion:
 * Java 17 has Unicode 13 data) must allow the answer Java derives.
 *
 * Output never contains body values (Username and FeedbackToken are secrets),
 * nor messages (they quote values): only ids, member and constraint names.
 * Exit status: 0 all agree; 1 a disagreement or unreadable input; 2 usage error.
 */

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

public class Oracle {

    // ------------------------------------------------------------------ JSON

    /** JSON null, distinct from "absent" (Map.get returning Java null). */
    static final class JNull {
        static final JNull NULL = new JNull();
        private JNull() {}
        @Override public String toString() { return "null"; }
    }

    /** A JSON number, kept as its source text. */
    static final class JNumber {
        final String text;
        JNumber(String text) { this.text = text; }
        @Override public String toString() { return text; }
        @Override public boolean equals(Object o) {
            return o instanceof JNumber && new java.math.BigDecimal(text).compareTo(new java.math.BigDecimal(((JNumber) o).text)) == 0;
        }
        @Override public int hashCode() { return new java.math.BigDecimal(text).stripTrailingZeros().hashCode(); }
    }

    static final class JsonException extends Exception {
        JsonException(String msg) { super(msg); }
    }

    /**
     * Strict RFC 8259 recursive-descent parser. Values: String, JNumber, Boolean,
     * JNull.NULL, LinkedHashMap<String,Object> (insertion order; a duplicate key
     * keeps its first position and takes the last value), ArrayList<Object>.
     * Error messages give a line and column, never document text.
     */
    static final class JsonParser {
        private static final int MAX_DEPTH = 1000;
        private final String s;
        private int i = 0;
        private int depth = 0;
        /** A duplicate key keeps its first value instead of its last. */
        private boolean firstWins = false;
        /** Whether an object held a key twice. */
        boolean sawDuplicate = false;

        JsonParser(String s) { this.s = s; }

        static Object parse(String text) throws JsonException {
            return new JsonParser(text).whole();
        }

        /** The strict reading of the whole text, a duplicate key keeping its last value or, with firstWins, its first. */
        Object whole() throws JsonException {
            ws();
            Object v = value();
            ws();
            if (i != s.length()) throw err("unexpected data after the top-level value");
            return v;
        }

        /** A parser whose duplicate keys keep their first value. */
        static JsonParser firstWins(String text) {
            JsonParser p = new JsonParser(text);
            p.firstWins = true;
            return p;
        }

        /**
         * The JSON objects the text holds one after the other, read from its start: the first value when it is
         * an object, then each further object, until the text ends or holds something else. Empty when the
         * text does not start with a whole object.
         */
        static List<Object> documents(String text) {
            JsonParser p = new JsonParser(text);
            List<Object> out = new ArrayList<>();
            while (true) {
                p.ws();
                if (p.i == p.s.length()) return out;
                try {
                    Object v = p.value();
                    if (!(v instanceof Map)) return out;
                    out.add(v);
                } catch (JsonException e) {
                    return out;
                }
            }
        }

        private JsonException err(String what) {
            int line = 1, col = 1;
            for (int k = 0; k < i && k < s.length(); k++) {
                if (s.charAt(k) == '\n') { line++; col = 1; } else col++;
            }
            return new JsonException(what + " at line " + line + " column " + col);
        }

        private void ws() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') i++; else break;
            }
        }

        private Object value() throws JsonException {
            if (i >= s.length()) throw err("unexpected end of input");
            char c = s.charAt(i);
            switch (c) {
                case '{': return object();
                case '[': return array();
                case '"': return string();
                case 't': literal("true"); return Boolean.TRUE;
                case 'f': literal("false"); return Boolean.FALSE;
                case 'n': literal("null"); return JNull.NULL;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return number();
                    throw err("unexpected character");
            }
        }

        private void literal(String word) throws JsonException {
            if (!s.startsWith(word, i)) throw err("invalid literal");
            i += word.length();
        }

        private void enter() throws JsonException {
            if (++depth > MAX_DEPTH) throw err("nesting deeper than " + MAX_DEPTH);
        }

        private Map<String, Object> object() throws JsonException {
            enter();
            i++; // '{'
            Map<String, Object> m = new LinkedHashMap<>();
            ws();
            if (i < s.length() && s.charAt(i) == '}') { i++; depth--; return m; }
            while (true) {
                ws();
                if (i >= s.length() || s.charAt(i) != '"') throw err("expected a string key");
                String k = string();
                ws();
                if (i >= s.length() || s.charAt(i) != ':') throw err("expected ':'");
                i++;
                ws();
                Object v = value();
                if (m.containsKey(k)) sawDuplicate = true;
                if (!firstWins || !m.containsKey(k)) m.put(k, v); // duplicate key: last value wins (first with firstWins)
                ws();
                if (i >= s.length()) throw err("unexpected end of input in an object");
                char c = s.charAt(i);
                if (c == ',') { i++; continue; }
                if (c == '}') { i++; depth--; return m; }
                throw err("expected ',' or '}'");
            }
        }

        private List<Object> array() throws JsonException {
            enter();
            i++; // '['
            List<Object> a = new ArrayList<>();
            ws();
            if (i < s.length() && s.charAt(i) == ']') { i++; depth--; return a; }
            while (true) {
                ws();
                a.add(value());
                ws();
                if (i >= s.length()) throw err("unexpected end of input in an array");
                char c = s.charAt(i);
                if (c == ',') { i++; continue; }
                if (c == ']') { i++; depth--; return a; }
                throw err("expected ',' or ']'");
            }
        }

        private String string() throws JsonException {
            i++; // opening quote
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) throw err("unterminated string");
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c < 0x20) { i--; throw err("unescaped control character in a string"); }
                if (c != '\\') { b.append(c); continue; }
                if (i >= s.length()) throw err("unterminated escape");
                char e = s.charAt(i++);
                switch (e) {
                    case '"': b.append('"'); break;
                    case '\\': b.append('\\'); break;
                    case '/': b.append('/'); break;
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case 'n': b.append('\n'); break;
                    case 'r': b.append('\r'); break;
                    case 't': b.append('\t'); break;
                    case 'u': {
                        // One UTF-16 code unit. A high surrogate escape followed by a
                        // low surrogate escape thus forms the pair, i.e. one code point;
                        // a lone surrogate stays a lone surrogate (as in most decoders).
                        b.append(hex4());
                        break;
                    }
                    default: i--; throw err("invalid escape");
                }
            }
        }

        private char hex4() throws JsonException {
            if (i + 4 > s.length()) throw err("truncated \\u escape");
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int d = Character.digit(s.charAt(i + k), 16);
                char ch = s.charAt(i + k);
                boolean ascii = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
                if (d < 0 || !ascii) throw err("invalid \\u escape");
                v = v * 16 + d;
            }
            i += 4;
            return (char) v;
        }

        private JNumber number() throws JsonException {
            int start = i;
            if (s.charAt(i) == '-') i++;
            if (i >= s.length()) throw err("invalid number");
            char c = s.charAt(i);
            if (c == '0') {
                i++;
            } else if (c >= '1' && c <= '9') {
                while (i < s.length() && isDigit(s.charAt(i))) i++;
            } else {
                throw err("invalid number");
            }
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                if (i >= s.length() || !isDigit(s.charAt(i))) throw err("invalid number fraction");
                while (i < s.length() && isDigit(s.charAt(i))) i++;
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
                if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
                if (i >= s.length() || !isDigit(s.charAt(i))) throw err("invalid number exponent");
                while (i < s.length() && isDigit(s.charAt(i))) i++;
            }
            return new JNumber(s.substring(start, i));
        }

        private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }
    }

    // ----------------------------------------------------------------- rules

    static final class Member {
        final String name, path;
        final boolean sensitive;
        final int minLen, maxLen;        // -1: no limit
        final String patternText;        // null: no pattern
        final Pattern pattern;
        final List<String> enumValues;   // null: no enum
        final String enumText;

        Member(String name, String path, boolean sensitive, int minLen, int maxLen,
               String patternText, List<String> enumValues, String enumText) {
            this.name = name; this.path = path; this.sensitive = sensitive;
            this.minLen = minLen; this.maxLen = maxLen;
            this.patternText = patternText;
            this.pattern = patternText == null ? null : Pattern.compile(patternText);
            this.enumValues = enumValues; this.enumText = enumText;
        }
    }

    static final Member USER_POOL_ID = new Member("UserPoolId", "userPoolId", false, 1, 55,
            "[\\w-]+_[0-9a-zA-Z]+", null, null);
    static final Member USERNAME = new Member("Username", "username", true, 1, 128,
            "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+", null, null);
    static final Member EVENT_ID = new Member("EventId", "eventId", false, 1, 50,
            "[\\w+-]+", null, null);
    static final Member FEEDBACK_TOKEN = new Member("FeedbackToken", "feedbackToken", true, -1, -1,
            "[A-Za-z0-9-_=.]+", null, null);
    static final Member FEEDBACK_VALUE = new Member("FeedbackValue", "feedbackValue", false, -1, -1,
            null, List.of("Valid", "Invalid"), "[Valid, Invalid]");

    static final Map<String, List<Member>> OPERATIONS = Map.of(
            "UpdateAuthEventFeedback",
            List.of(USER_POOL_ID, USERNAME, EVENT_ID, FEEDBACK_TOKEN, FEEDBACK_VALUE),
            "AdminUpdateAuthEventFeedback",
            List.of(USER_POOL_ID, USERNAME, EVENT_ID, FEEDBACK_VALUE));

    static final class Violation {
        final String member, path, constraint, message; // message may be null
        Violation(String member, String path, String constraint, String message) {
            this.member = member; this.path = path; this.constraint = constraint; this.message = message;
        }
        String key() {
            return member + "\u0000" + path + "\u0000" + constraint + "\u0000" + (message == null ? "\u0001" : "m" + message);
        }
        String label() { return member + "/" + constraint; }
    }

    static final class Outcome {
        final String errorType;          // null: valid
        final String message;            // aggregate, may be null
        final List<Violation> violations;
        Outcome(String errorType, String message, List<Violation> violations) {
            this.errorType = errorType; this.message = message; this.violations = violations;
        }
        boolean valid() { return errorType == null; }
        static final Outcome VALID = new Outcome(null, null, List.of());
        /** A body refused before any member is read: HTTP 400 SerializationException, nothing else. */
        static final Outcome REFUSED = new Outcome("SerializationException", null, List.of());
    }

    static String prefix(int n) {
        return n == 1 ? "1 validation error detected: " : n + " validation errors detected: ";
    }

    static Outcome compute(List<Member> members, Map<String, Object> body) {
        List<Violation> typeViolations = new ArrayList<>();
        for (Member m : members) {
            if (!body.containsKey(m.name)) continue;
            Object v = body.get(m.name);
            if (!(v instanceof String) && v != JNull.NULL) {
                typeViolations.add(new Violation(m.name, m.path, "type", null));
            }
        }
        if (!typeViolations.isEmpty()) {
            return new Outcome("SerializationException", null, typeViolations);
        }
        List<Violation> vs = new ArrayList<>();
        for (Member m : members) {
            Object v = body.get(m.name);
            String at = " at '" + m.path + "' failed to satisfy constraint: ";
            if (v == null || v == JNull.NULL) {
                vs.add(new Violation(m.name, m.path, "required", "Value null" + at + "Member must not be null"));
                continue;
            }
            String s = (String) v;
            String value = m.sensitive ? "Value" : "Value '" + s + "'";
            int len = s.codePointCount(0, s.length());
            if (m.minLen >= 0 && len < m.minLen) {
                vs.add(new Violation(m.name, m.path, "length",
                        value + at + "Member must have length greater than or equal to " + m.minLen));
            }
            if (m.maxLen >= 0 && len > m.maxLen) {
                vs.add(new Violation(m.name, m.path, "length",
                        value + at + "Member must have length less than or equal to " + m.maxLen));
            }
            if (m.pattern != null && !m.pattern.matcher(s).matches()) {
                vs.add(new Violation(m.name, m.path, "pattern",
                        value + at + "Member must satisfy regular expression pattern: " + m.patternText));
            }
            if (m.enumValues != null && !m.enumValues.contains(s)) {
                vs.add(new Violation(m.name, m.path, "enum",
                        value + at + "Member must satisfy enum value set: " + m.enumText));
            }
        }
        if (vs.isEmpty()) return Outcome.VALID;
        List<String> parts = new ArrayList<>();
        for (Violation x : vs) parts.add(x.message);
        return new Outcome("InvalidParameterException", prefix(vs.size()) + String.join("; ", parts), vs);
    }

    // ------------------------------------------------------------ comparing

    static final class Malformed extends Exception {
        Malformed(String msg) { super(msg); }
    }

    /** Reads `expected`: Java null for valid, else an Outcome. */
    static Outcome readExpected(Object e) throws Malformed {
        if (e == JNull.NULL) return null;
        if (!(e instanceof Map)) throw new Malformed("expected is neither null nor an object");
        @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) e;
        Object et = m.get("errorType");
        if (!(et instanceof String)) throw new Malformed("expected.errorType is not a string");
        Object msg = m.get("message");
        if (!(msg instanceof String) && msg != JNull.NULL) throw new Malformed("expected.message is neither a string nor null");
        Object vl = m.get("violations");
        if (!(vl instanceof List)) throw new Malformed("expected.violations is not an array");
        List<Violation> vs = new ArrayList<>();
        int k = 0;
        for (Object o : (List<?>) vl) {
            if (!(o instanceof Map)) throw new Malformed("expected.violations[" + k + "] is not an object");
            Map<?, ?> vm = (Map<?, ?>) o;
            Object mem = vm.get("member"), p = vm.get("path"), c = vm.get("constraint"), vmsg = vm.get("message");
            if (!(mem instanceof String) || !(p instanceof String) || !(c instanceof String))
                throw new Malformed("expected.violations[" + k + "] lacks member/path/constraint strings");
            if (!(vmsg instanceof String) && vmsg != JNull.NULL)
                throw new Malformed("expected.violations[" + k + "].message is neither a string nor null");
            vs.add(new Violation((String) mem, (String) p, (String) c, vmsg instanceof String ? (String) vmsg : null));
            k++;
        }
        if (vs.isEmpty() && !("SerializationException".equals(et) && msg == JNull.NULL)) {
            throw new Malformed("expected.violations is empty (allowed only for a refused body: SerializationException, message null)");
        }
        return new Outcome((String) et, msg instanceof String ? (String) msg : null, vs);
    }

    static String labels(List<Violation> vs) {
        List<String> l = new ArrayList<>();
        for (Violation v : vs) l.add(v.label());
        return "[" + String.join(", ", l) + "]";
    }

    static String describe(Outcome o) {
        return o == null || o.valid() ? "valid" : o.errorType + " " + labels(o.violations);
    }

    /** null if `expected` equals the computed outcome; otherwise a short reason without values. */
    static String difference(Outcome computed, Outcome expected) {
        if (computed.valid() && expected == null) return null;
        if (computed.valid() || expected == null) {
            return "oracle: " + describe(computed) + "; expected: " + describe(expected);
        }
        List<String> reasons = new ArrayList<>();
        if (!computed.errorType.equals(expected.errorType)) {
            reasons.add("errorType: oracle " + computed.errorType + ", expected " + expected.errorType);
        }
        // Multiset comparison of (member, path, constraint, message).
        Map<String, Integer> count = new HashMap<>();
        for (Violation v : computed.violations) count.merge(v.key(), 1, Integer::sum);
        List<Violation> unexpected = new ArrayList<>();
        for (Violation v : expected.violations) {
            Integer n = count.get(v.key());
            if (n != null && n > 0) count.put(v.key(), n - 1); else unexpected.add(v);
        }
        List<Violation> missing = new ArrayList<>();
        Map<String, Integer> left = new HashMap<>(count);
        for (Violation v : computed.violations) {
            Integer n = left.get(v.key());
            if (n != null && n > 0) { missing.add(v); left.put(v.key(), n - 1); }
        }
        // Pair up same member/constraint with a different path or message.
        for (java.util.Iterator<Violation> it = missing.iterator(); it.hasNext(); ) {
            Violation c = it.next();
            for (java.util.Iterator<Violation> jt = unexpected.iterator(); jt.hasNext(); ) {
                Violation e = jt.next();
                if (c.member.equals(e.member) && c.constraint.equals(e.constraint)) {
                    if (!c.path.equals(e.path)) {
                        reasons.add(c.label() + ": path differs");
                    } else {
                        reasons.add(c.label() + ": message differs" + firstDiff(c.message, e.message));
                    }
                    it.remove();
                    jt.remove();
                    break;
                }
            }
        }
        for (Violation v : missing) reasons.add("missing " + v.label());
        for (Violation v : unexpected) reasons.add("unexpected " + v.label());
        // Aggregate message: expected.message must be the prefix + the expected
        // violations' messages in their listed order (a permutation of ours once
        // the multisets agree).
        if (computed.message == null) {
            if (expected.message != null) reasons.add("aggregate message: oracle null, expected a string");
        } else if (expected.message == null) {
            reasons.add("aggregate message: expected null, oracle a string");
        } else {
            List<String> parts = new ArrayList<>();
            boolean allStrings = true;
            for (Violation v : expected.violations) {
                if (v.message == null) allStrings = false; else parts.add(v.message);
            }
            String rebuilt = prefix(expected.violations.size()) + String.join("; ", parts);
            if (!allStrings) {
                reasons.add("aggregate message: a violation message is null");
            } else if (!rebuilt.equals(expected.message)) {
                if (!expected.message.startsWith(prefix(expected.violations.size()))) {
                    reasons.add("aggregate message: count prefix is not '" + prefix(expected.violations.size()).trim() + "'");
                } else {
                    reasons.add("aggregate message is not the violations' messages joined by '; ' in listed order"
                            + firstDiff(rebuilt, expected.message));
                }
            }
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /** Position of the first differing character (a position only, never text). */
    static String firstDiff(String a, String b) {
        if (a == null || b == null) return a == b ? "" : " (one is null)";
        int n = Math.min(a.length(), b.length());
        int k = 0;
        while (k < n && a.charAt(k) == b.charAt(k)) k++;
        return " (first difference at UTF-16 offset " + k + "; lengths oracle " + a.length() + ", expected " + b.length() + ")";
    }

    /** Whether a parsed JSON value holds a string (key or value) with a UTF-16 surrogate outside a pair. */
    static boolean holdsLoneSurrogate(Object value) {
        if (value instanceof String) {
            String s = (String) value;
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (Character.isHighSurrogate(c) && k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) k++;
                else if (Character.isSurrogate(c)) return true;
            }
            return false;
        }
        if (value instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (holdsLoneSurrogate(e.getKey()) || holdsLoneSurrogate(e.getValue())) return true;
            }
            return false;
        }
        if (value instanceof List) {
            for (Object o : (List<?>) value) if (holdsLoneSurrogate(o)) return true;
        }
        return false;
    }

    /** A decoded value with every lone surrogate read as U+FFFD (category So), as Go's encoding/json does. */
    static Object replaceLone(Object value) {
        if (value instanceof String) {
            String s = (String) value;
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (Character.isHighSurrogate(c) && k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) {
                    b.append(c).append(s.charAt(++k));
                } else {
                    b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
                }
            }
            return b.toString();
        }
        if (value instanceof Map) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) m.put((String) replaceLone(e.getKey()), replaceLone(e.getValue()));
            return m;
        }
        if (value instanceof List) {
            List<Object> l = new ArrayList<>();
            for (Object o : (List<?>) value) l.add(replaceLone(o));
            return l;
        }
        return value;
    }

    /**
     * Every answer a plausible reading of the wire text gives, by the rules above. One reading for a text with
     * a settled meaning; for a contested one (public evidence says nothing of the service's JSON layer) each of:
     * a refusal; a duplicate key's last and first value; a lone surrogate kept (Cs) and read as U+FFFD; the first
     * and the last of several objects in a row; an empty text read as {}.
     */
    @SuppressWarnings("unchecked")
    static List<Outcome> readings(List<Member> members, String text, boolean[] duplicate) {
        List<Outcome> out = new ArrayList<>();
        if (text.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            out.add(Outcome.REFUSED);
            out.add(compute(members, new LinkedHashMap<>()));
            return distinct(out);
        }
        JsonParser last = new JsonParser(text);
        Object parsed;
        try {
            parsed = last.whole();
        } catch (JsonException e) {
            parsed = null;
        }
        if (!(parsed instanceof Map)) {
            out.add(Outcome.REFUSED);
            List<Object> documents = JsonParser.documents(text);
            if (!documents.isEmpty()) {
                out.add(compute(members, (Map<String, Object>) documents.get(0)));
                out.add(compute(members, (Map<String, Object>) documents.get(documents.size() - 1)));
            }
            return distinct(out);
        }
        out.add(compute(members, (Map<String, Object>) parsed));
        if (holdsLoneSurrogate(parsed)) {
            out.add(Outcome.REFUSED);
            out.add(compute(members, (Map<String, Object>) replaceLone(parsed)));
        }
        duplicate[0] = last.sawDuplicate;
        if (last.sawDuplicate) {
            out.add(Outcome.REFUSED);
            try {
                out.add(compute(members, (Map<String, Object>) JsonParser.firstWins(text).whole()));
            } catch (JsonException e) {
                throw new IllegalStateException("a text read once cannot fail the second time", e);
            }
        }
        return distinct(out);
    }

    /** `[valid, SerializationException [], ...]`: the answers, named without values. */
    static String distinctLabels(List<Outcome> outcomes) {
        List<String> l = new ArrayList<>();
        for (Outcome o : outcomes) l.add(describe(o));
        return l.toString();
    }

    /** The outcomes, each once. */
    static List<Outcome> distinct(List<Outcome> outcomes) {
        List<Outcome> out = new ArrayList<>();
        for (Outcome o : outcomes) if (indexOf(out, o) < 0) out.add(o);
        return out;
    }

    /** Where `o` is in `list` (the same answer), or -1. */
    static int indexOf(List<Outcome> list, Outcome o) {
        for (int k = 0; k < list.size(); k++) {
            Outcome other = list.get(k);
            boolean same = other.valid() || o.valid() ? other.valid() == o.valid() : difference(o, other) == null;
            if (same) return k;
        }
        return -1;
    }

    // ------------------------------------------------------------------ main

    static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    int vectors = 0, agree = 0, accValid = 0, accInvalid = 0, contested = 0, disagree = 0, errors = 0, wires = 0, lone = 0,
            empty = 0, malformed = 0;
    final boolean verbose;

    Oracle(boolean verbose) { this.verbose = verbose; }

    void checkFile(Path file) {
        String name = file.getFileName().toString();
        Object doc;
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
                throw new JsonException("starts with a UTF-8 byte order mark");
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            doc = JsonParser.parse(text);
        } catch (CharacterCodingException e) {
            error(name, "not UTF-8");
            return;
        } catch (IOException e) {
            error(name, "cannot read (" + e.getClass().getSimpleName() + ")");
            return;
        } catch (JsonException e) {
            error(name, "invalid JSON: " + e.getMessage());
            return;
        }
        if (!(doc instanceof Map)) { error(name, "top level is not an object"); return; }
        Object tests = ((Map<?, ?>) doc).get("tests");
        if (!(tests instanceof List)) { error(name, "has no \"tests\" array"); return; }
        int index = 0;
        for (Object t : (List<?>) tests) {
            checkVector(name, index++, t);
        }
    }

    void error(String where, String what) {
        errors++;
        System.out.println("ERROR " + where + ": " + what);
    }

    void checkVector(String file, int index, Object t) {
        vectors++;
        String id = file + "#tests[" + index + "]";
        try {
            if (!(t instanceof Map)) throw new Malformed("not an object");
            @SuppressWarnings("unchecked") Map<String, Object> v = (Map<String, Object>) t;
            Object idv = v.get("id");
            if (idv instanceof String && ID_PATTERN.matcher((String) idv).matches()) id = (String) idv;
            else throw new Malformed("id is missing or not of the form [a-z0-9][a-z0-9.-]*");
            Object op = v.get("operation");
            List<Member> members = op instanceof String ? OPERATIONS.get(op) : null;
            if (members == null) throw new Malformed("unknown operation");
            boolean hasBody = v.containsKey("body");
            Object body = v.get("body");
            if (hasBody && !(body instanceof Map)) throw new Malformed("body is not an object");
            if (hasBody && holdsLoneSurrogate(body)) throw new Malformed("body holds a lone surrogate: it has no Unicode reading");
            if (!hasBody && !v.containsKey("wire")) throw new Malformed("neither body nor wire");
            String kind = null; // a body-less text: "lone", "empty" or "malformed"
            if (v.containsKey("wire")) {
                Object wire = v.get("wire");
                if (!(wire instanceof String)) throw new Malformed("wire is not a string");
                String text = (String) wire;
                Object parsed = null;
                if (text.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
                    kind = "empty";
                } else {
                    try {
                        parsed = JsonParser.parse(text);
                        if (!(parsed instanceof Map)) kind = "malformed";
                        else if (holdsLoneSurrogate(parsed)) kind = "lone";
                    } catch (JsonException e) {
                        kind = "malformed";
                    }
                }
                if (hasBody && kind != null) throw new Malformed("the vector has a body, but its wire text is " + kind);
                if (hasBody && !parsed.equals(body)) throw new Malformed("wire does not decode to body");
                if (!hasBody && kind == null) throw new Malformed("body omitted, but the wire text is a JSON object with a Unicode reading");
                if ("lone".equals(kind)) lone++;
                if ("empty".equals(kind)) { empty++; parsed = new LinkedHashMap<String, Object>(); }
                if ("malformed".equals(kind)) malformed++;
                body = parsed;
                wires++;
            }
            Object result = v.get("result");
            if ("acceptable".equals(result) != v.containsKey("alternatives")) {
                throw new Malformed("alternatives is required for acceptable vectors and forbidden otherwise");
            }
            Object flags = v.get("flags");
            if (!(flags instanceof List)) throw new Malformed("flags is not an array");
            for (String[] pair : new String[][] {{"LoneSurrogate", "lone"}, {"EmptyBody", "empty"}, {"MalformedBody", "malformed"}}) {
                if (((List<?>) flags).contains(pair[0]) != pair[1].equals(kind)) {
                    throw new Malformed("flag " + pair[0] + " goes with, and only with, a body-less wire text of its kind");
                }
            }
            if (!v.containsKey("expected")) throw new Malformed("expected is missing");
            Outcome expected = readExpected(v.get("expected"));
            // The answers the vector allows: expected (valid when null), then each alternative.
            List<Outcome> allowed = new ArrayList<>();
            allowed.add(expected == null ? Outcome.VALID : expected);
            if (v.containsKey("alternatives")) {
                Object alts = v.get("alternatives");
                if (!(alts instanceof List) || ((List<?>) alts).isEmpty()) throw new Malformed("alternatives is not a non-empty array");
                for (Object a : (List<?>) alts) {
                    if ("valid".equals(a)) allowed.add(Outcome.VALID);
                    else if ("refused".equals(a)) allowed.add(Outcome.REFUSED);
                    else if (a instanceof Map) allowed.add(readExpected(a));
                    else throw new Malformed("an alternative is neither valid, refused nor an error object");
                }
                if (distinct(allowed).size() != allowed.size()) throw new Malformed("alternatives repeat an answer");
            }
            // The answers Java derives: one per plausible reading of the text (or of body, without a wire text).
            boolean[] duplicate = {false};
            @SuppressWarnings("unchecked") List<Outcome> derived = v.containsKey("wire")
                    ? readings(members, (String) v.get("wire"), duplicate)
                    : List.of(compute(members, (Map<String, Object>) body));
            if (((List<?>) flags).contains("DuplicateKey") != duplicate[0]) {
                throw new Malformed("flag DuplicateKey goes with, and only with, a wire text that repeats a key");
            }
            boolean trailing = "malformed".equals(kind) && !JsonParser.documents((String) v.get("wire")).isEmpty();
            if (((List<?>) flags).contains("TrailingData") != trailing) {
                throw new Malformed("flag TrailingData goes with, and only with, a wire text that is an object followed by more");
            }
            Outcome computed = derived.get(0);

            if (derived.size() > 1) {
                // A contested text: the vector must be acceptable and allow exactly the answers of every reading.
                List<String> missing = new ArrayList<>(), extra = new ArrayList<>();
                for (Outcome o : derived) if (indexOf(allowed, o) < 0) missing.add(describe(o));
                for (Outcome o : allowed) if (indexOf(derived, o) < 0) extra.add(describe(o));
                if (!"acceptable".equals(result) || !missing.isEmpty() || !extra.isEmpty()) {
                    disagree++;
                    System.out.println("DISAGREE " + id + ": the readings of its text give " + derived.size() + " answers; "
                            + "the vector is " + result + (missing.isEmpty() ? "" : ", missing " + missing)
                            + (extra.isEmpty() ? "" : ", allowing what no reading gives " + extra));
                } else {
                    contested++;
                    if (verbose) System.out.println("CONTESTED " + id + ": every reading allowed " + distinctLabels(derived));
                }
            } else if ("valid".equals(result) || "invalid".equals(result)) {
                if ("valid".equals(result) && expected != null) throw new Malformed("result valid with a non-null expected");
                if ("invalid".equals(result) && expected == null) throw new Malformed("result invalid with a null expected");
                String diff = difference(computed, expected);
                if (diff == null) agree++;
                else { disagree++; System.out.println("DISAGREE " + id + ": " + diff); }
            } else if ("acceptable".equals(result)) {
                // One reading (the Unicode version of the data decides): Java's answer must be one allowed.
                if (expected == null) throw new Malformed("result acceptable with a null expected");
                if (indexOf(allowed, computed) < 0) {
                    disagree++;
                    System.out.println("DISAGREE " + id + ": acceptable, but the oracle's " + describe(computed)
                            + " is none of the allowed answers: " + difference(computed, expected));
                } else if (computed.valid()) {
                    accValid++;
                    if (verbose) System.out.println("ACCEPTABLE " + id + ": Java reads valid");
                } else {
                    accInvalid++;
                    if (verbose) System.out.println("ACCEPTABLE " + id + ": Java reads " + describe(computed));
                }
            } else {
                throw new Malformed("result is not valid/invalid/acceptable");
            }
        } catch (Malformed e) {
            disagree++;
            System.out.println("DISAGREE " + id + ": malformed vector: " + e.getMessage());
        }
    }

    /** The Unicode version of this JVM's character data, found by probing characters new in each version. */
    static String unicodeVersion() {
        Object[][] probes = {
                {0x1FAE9, "16.0"},  // FACE WITH BAGS UNDER EYES
                {0x2EBF0, "15.1"},  // CJK Unified Ideographs Extension I
                {0x1FAE8, "15.0"},  // SHAKING FACE
                {0x1FAE0, "14.0"},  // MELTING FACE
                {0x1FAD0, "13.0"},  // BLUEBERRIES
                {0x32FF, "12.1"},   // SQUARE ERA NAME REIWA
                {0x1FA70, "12.0"},  // BALLET SHOES
                {0x1F97C, "11.0"},  // LAB COAT
                {0x20BF, "10.0"},   // BITCOIN SIGN
        };
        for (Object[] p : probes) {
            if (Character.isDefined((Integer) p[0])) {
                return "16.0".equals(p[1]) ? "16.0 or later" : (String) p[1];
            }
        }
        return "before 10.0";
    }

    static void usage(String why) {
        if (why != null) System.err.println("oracle: " + why);
        System.err.println("usage: java vectors/tools/oracle/Oracle.java [-v] VECTORS_DIR_OR_FILE...");
        System.exit(2);
    }

    public static void main(String[] args) {
        boolean verbose = false;
        List<Path> inputs = new ArrayList<>();
        for (String a : args) {
            if (a.equals("-v") || a.equals("--verbose")) verbose = true;
            else if (a.equals("-h") || a.equals("--help")) usage(null);
            else if (a.startsWith("-")) usage("unknown option " + a);
            else inputs.add(Path.of(a));
        }
        if (inputs.isEmpty()) usage("no vectors directory given");

        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                List<Path> found = new ArrayList<>();
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(in, "*.json")) {
                    for (Path p : ds) {
                        String n = p.getFileName().toString();
                        if (!n.equals("schema.json") && !n.equals("flags.json") && Files.isRegularFile(p)) found.add(p);
                    }
                } catch (IOException e) {
                    usage("cannot list " + in);
                }
                Collections.sort(found);
                files.addAll(found);
            } else if (Files.isRegularFile(in)) {
                files.add(in);
            } else {
                usage("no such file or directory: " + in);
            }
        }

        Oracle o = new Oracle(verbose);
        if (files.isEmpty()) o.error(String.valueOf(inputs), "no topic files");
        for (Path f : files) o.checkFile(f);

        String javaVersion = System.getProperty("java.version");
        System.out.println("oracle (java.util.regex, Unicode " + unicodeVersion() + ", Java " + javaVersion + "): "
                + o.vectors + " vectors, " + o.agree + " agree, " + o.accValid + " acceptable-as-valid, "
                + o.accInvalid + " acceptable-as-invalid, " + o.contested + " contested (every reading allowed), " + o.disagree + " disagree, "
                + o.wires + " judged from their wire text (" + o.lone + " without a Unicode reading, " + o.empty
                + " empty, " + o.malformed + " refused as malformed)"
                + (o.errors > 0 ? ", " + o.errors + " unreadable input(s)" : ""));
        System.exit(o.disagree > 0 || o.errors > 0 ? 1 : 0);
    }
}
