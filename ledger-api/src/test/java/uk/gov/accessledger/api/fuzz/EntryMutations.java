package uk.gov.accessledger.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.problem.ProblemType;

/**
 * What an outsider's fuzzer does to a valid entry: change one field (wrong type, missing, null,
 * empty, huge, extreme dates, lone surrogates, control characters, bad UUID forms, unknown codes,
 * unknown members named with {@code /} and {@code ~}), damage the bytes (duplicate keys, deep
 * nesting, 1,001-digit numbers, NaN, trailing data, malformed UTF-8) or send odd headers.
 */
final class EntryMutations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final String OK = "2xx";
    static final String INVALID = ProblemRules.type(ProblemType.INVALID_REQUEST);
    static final String MALFORMED = ProblemRules.type(ProblemType.MALFORMED_JSON);
    static final String TOO_LARGE = ProblemRules.type(ProblemType.BODY_TOO_LARGE);
    static final String CONFLICT = ProblemRules.type(ProblemType.IDEMPOTENCY_CONFLICT);
    static final String MEDIA_TYPE = ProblemRules.type(ProblemType.UNSUPPORTED_MEDIA_TYPE);
    static final String NOT_ACCEPTABLE = ProblemRules.type(ProblemType.NOT_ACCEPTABLE);

    private EntryMutations() {
    }

    /** One change to a valid entry; {@code allowed} lists the outcomes the contract permits. */
    interface Mutation {
        /** The mutated body; {@code prefix} is the pointer of the entry inside the document. */
        byte[] apply(ObjectNode document, String prefix);

        Set<String> allowed();

        default String contentType() {
            return "application/json";
        }

        default String accept() {
            return null;
        }
    }

    /** Sets the member at {@code path} (relative to the entry) to {@code value}, or removes it when null. */
    record SetField(String path, JsonNode value) implements Mutation {
        @Override
        public byte[] apply(ObjectNode document, String prefix) {
            String pointer = prefix + path;
            String parentPointer = pointer.substring(0, pointer.lastIndexOf('/'));
            String member = unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
            JsonNode parent = document.at(parentPointer);
            if (parent.isObject()) {
                if (value == null) {
                    ((ObjectNode) parent).remove(member);
                } else {
                    ((ObjectNode) parent).set(member, value);
                }
            } else if (parent.isArray()) {
                ArrayNode array = (ArrayNode) parent;
                int index = Integer.parseInt(member);
                if (index < array.size()) {
                    if (value == null) {
                        array.remove(index);
                    } else {
                        array.set(index, value);
                    }
                } else if (value != null) {
                    array.add(value);
                }
            }
            return bytes(document);
        }

        @Override
        public Set<String> allowed() {
            int size = value == null ? 0 : value.toString().length();
            return size > 60_000 ? Set.of(TOO_LARGE, INVALID) : path.equals("/id")
                    ? Set.of(OK, INVALID, CONFLICT) : Set.of(OK, INVALID);
        }

        /** Whether an error about this change must name {@link #path} (or a pointer inside or above it). */
        boolean errorNamesField() {
            return !Set.of("/kind", "/discloseAfter", "/discloseAfterReason").contains(path);
        }

        @Override
        public String toString() {
            String shown = value == null ? "(removed)" : value.toString();
            return "set " + path + " = " + (shown.length() > 120 ? shown.substring(0, 120) + "…(" + shown.length()
                    + " chars)" : shown);
        }
    }

    /** Damages the serialised bytes of the document. */
    record Bytes(String name, Function<Marked, byte[]> damage, Set<String> allowed)
            implements Mutation {
        @Override
        public byte[] apply(ObjectNode document, String prefix) {
            return damage.apply(new Marked(document, prefix));
        }

        @Override
        public String toString() {
            return "bytes: " + name;
        }
    }

    /** Sends the valid document with other headers. */
    record Headers(String contentType, String accept, Set<String> allowed) implements Mutation {
        @Override
        public byte[] apply(ObjectNode document, String prefix) {
            return bytes(document);
        }

        @Override
        public String toString() {
            return "headers: Content-Type " + contentType + ", Accept " + accept;
        }
    }

    /**
     * A document serialised with two markers in the target entry: a first member where members are
     * inserted, and its staffRole value where raw bytes go. Either is removed when unused.
     */
    static final class Marked {
        private static final String MEMBER = "\"zzfuzzmember\":0,";
        private static final String ROLE = "zzfuzzrole";
        private final String text;
        private final String role;

        Marked(ObjectNode document, String prefix) {
            ObjectNode target = (ObjectNode) document.at(prefix.isEmpty() ? "" : prefix);
            ObjectNode marked = NODES.objectNode().put("zzfuzzmember", 0);
            marked.setAll(target);
            role = target.has("staffRole") ? target.get("staffRole").asString("") : null;
            if (role != null) {
                marked.put("staffRole", ROLE);
            }
            target.removeAll();
            target.setAll(marked);
            text = new String(bytes(document), StandardCharsets.UTF_8);
        }

        byte[] plain() {
            return (role == null ? text.replace(MEMBER, "") : text.replace(MEMBER, "").replace(ROLE, role))
                    .getBytes(StandardCharsets.UTF_8);
        }

        byte[] plainThen(String more) {
            return concat(plain(), more.getBytes(StandardCharsets.UTF_8));
        }

        byte[] insert(String member) {
            String inserted = text.replace(MEMBER, member);
            return (role == null ? inserted : inserted.replace(ROLE, role)).getBytes(StandardCharsets.UTF_8);
        }

        /**
         * The raw bytes as the target's staffRole; a target without one (the batch document
         * itself) gets them as a staffRole member inserted there, which that object does not know.
         */
        byte[] staffRole(byte[] raw) {
            if (role == null) {
                String[] parts = text.split(MEMBER, 2);
                return concat(concat(concat(parts[0].getBytes(StandardCharsets.UTF_8),
                        "\"staffRole\":\"".getBytes(StandardCharsets.UTF_8)), raw),
                        ("\"," + parts[1]).getBytes(StandardCharsets.UTF_8));
            }
            String[] parts = text.replace(MEMBER, "").split(ROLE, 2);
            return concat(concat(parts[0].getBytes(StandardCharsets.UTF_8), raw),
                    parts[1].getBytes(StandardCharsets.UTF_8));
        }
    }

    static byte[] bytes(JsonNode document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    // --- values -------------------------------------------------------------------------------

    static final List<String> INSTANTS = List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "1000-01-01T00:00:00Z",
            "1582-10-10T00:00:00Z", "1900-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2262-04-12T00:00:00Z", "2026-11-25T09:30:00.Z",
            "2026-02-30T00:00:00Z", "2026-11-25T09:30:00+01:00", "2026-11-25 09:30:00Z", "2026-11-25t09:30:00z",
            "2016-12-31T23:59:60Z", "2026-11-25T09:30:00.123456789Z", "2026-11-25T09:30:00.1234567891Z",
            "2026-11-25T24:00:00Z", "2026-11-25", "20261125T093000Z", "2026-11-25T09:30Z", "2026-11-25T09:30:00",
            "+2026-11-25T09:30:00Z", "２０２６-11-25T09:30:00Z", "1", "now");

    static final List<String> DATES = List.of("-999999999-01-01", "+999999999-12-31", "0000-01-01", "-0001-01-01",
            "+10000-01-01", "9999-12-31", "2027-02-29", "2028-02-29", "2027-1-1", "2027-01-01T00:00:00Z", "27-01-01",
            "2027-13-01", "+2027-01-01", "2099-12-31");

    static final List<String> UUIDS = List.of("0-0-0-0-1", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "3F2504E0-4F89-41D3-9A0C-0305E82C3301",
            "{3f2504e0-4f89-41d3-9a0c-0305e82c3301}", "3f2504e04f8941d39a0c0305e82c3301",
            "urn:uuid:3f2504e0-4f89-41d3-9a0c-0305e82c3301", "+0-0-0-0-1", "3f2504e0-4f89-41d3-9a0c-305e82c3301",
            "03f2504e0-4f89-41d3-9a0c-0305e82c3301", "3f2504e0-4f89-41d3-9a0c-0305e82c3301 ",
            "3f2504e0-4f89-41d3-9a0c", "g f2504e0-4f89-41d3-9a0c-0305e82c3301", "3f2504e0-4f89-41d3-9a0c-0305e82c330１");

    static final List<String> TEXTS = List.of("", " ", "\t", "\n", "GP \ud800", "\udfff", "\udc00\ud800",
            "GP\u0000", "GP\u0007", "\u001b[31mGP", "GP\u007f", "GP\u0085", "GP\u2028", "GP\u202eevil", "\ufeffGP",
            "G\u0301P", "👩‍⚕️ GP", "=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@SUM(1)", "GP\r\nX-Injected: 1",
            "<script>alert(1)</script>", "' OR '1'='1", "../../etc/passwd", "%00", "\\u0000", "null", "GP\u00a0",
            "\u200b", "ǅ", "𝔊𝔓", "a".repeat(100), "a".repeat(101), "é".repeat(100), "😀".repeat(50),
            "😀".repeat(51), "a".repeat(1000), "a".repeat(1001), "a".repeat(70_000));

    static final List<String> CODES = List.of("dpv:Unknown", "DPV:CONSULT", "dpv:consult", "dpv:Consult ",
            " dpv:Consult", "dpv:Consult\u0000", "al:DirectCare\u200b", "pd:HealthRecord/../x", "al:", ":", "*",
            "%", "al:DirectCare,al:Safeguarding", "ukgdpr:9.2.h", "pd:HealthRecord", "al:DirectCare",
            "dpv:Consult", "ukgdpr:6.1.e", "al:BenefitEligibility", "pd:Income");

    static final List<String> NHS_FORMS = List.of("943 476 5919", "943-476-5919", "9434765919 ", "9434765918",
            "０９４３４７６５９１９", "943476591", "94347659190", "+9434765919", "9434765919\u0000", "AB123456C",
            "QQ123456C", "nhs-number");

    /** JSON values of every type, for "wrong type" changes. */
    static Arbitrary<JsonNode> wrongTypes() {
        JsonNode deep = NODES.arrayNode();
        for (int i = 0; i < 200; i++) {
            deep = NODES.arrayNode().add(deep);
        }
        return Arbitraries.of(NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1.5e308),
                NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new BigInteger("9".repeat(300))),
                NODES.booleanNode(true), NODES.booleanNode(false), NODES.arrayNode(), NODES.objectNode(),
                NODES.arrayNode().add("GP"), NODES.objectNode().put("a", 1), NODES.textNode("true"),
                NODES.nullNode(), deep);
    }

    static Arbitrary<JsonNode> texts() {
        return Arbitraries.oneOf(Arbitraries.of(TEXTS).map(NODES::textNode),
                Arbitraries.strings().all().ofMaxLength(30).map(NODES::textNode));
    }

    private static final List<String> FIELDS = List.of("/id", "/kind", "/subject", "/subject/scheme", "/subject/id",
            "/staffRole", "/staffReference", "/action", "/purpose", "/legalBasis", "/occurredAt", "/dataCategories",
            "/dataCategories/0", "/dataCategories/1", "/justification", "/caseReference", "/emergency", "/bulk",
            "/discloseAfter", "/discloseAfterReason");

    private static final List<String> UNKNOWN_NAMES = List.of("a/b", "~", "~1", "a~0b", "/", "", " ", "id ", "ID",
            "Kind", "__proto__", "constructor", "$where", "staffRole\u0000", "\ud800", "a".repeat(300),
            "subject/id", "~01");

    /** A one-field change of an access entry. */
    static Arbitrary<Mutation> fieldChanges() {
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        Arbitrary<Mutation> anyValue = Combinators.combine(field, Arbitraries.oneOf(wrongTypes(), texts(),
                        Arbitraries.just(null)))
                .as(SetField::new);
        Arbitrary<Mutation> dates = Combinators.combine(Arbitraries.of("/occurredAt"),
                Arbitraries.of(INSTANTS).map(NODES::textNode)).as(SetField::new);
        Arbitrary<Mutation> days = Combinators.combine(Arbitraries.of("/discloseAfter"),
                Arbitraries.of(DATES).map(NODES::textNode)).as(SetField::new);
        Arbitrary<Mutation> ids = Arbitraries.of(UUIDS).map(u -> new SetField("/id", NODES.textNode(u)));
        Arbitrary<Mutation> codes = Combinators.combine(
                Arbitraries.of("/action", "/purpose", "/legalBasis", "/dataCategories/0", "/kind", "/subject/scheme"),
                Arbitraries.of(CODES).map(NODES::textNode)).as(SetField::new);
        Arbitrary<Mutation> subjects = Arbitraries.of(NHS_FORMS).map(v -> new SetField("/subject/id",
                NODES.textNode(v)));
        Arbitrary<Mutation> unknown = Combinators.combine(Arbitraries.of(UNKNOWN_NAMES),
                Arbitraries.oneOf(texts(), wrongTypes())).as((name, value) -> new SetField("/" + name
                        .replace("~", "~0").replace("/", "~1"), value));
        Arbitrary<Mutation> nestedUnknown = Arbitraries.of(UNKNOWN_NAMES).map(name -> new SetField("/subject/"
                + name.replace("~", "~0").replace("/", "~1"), NODES.textNode("x")));
        return Arbitraries.frequencyOf(
                Tuple.of(6, anyValue), Tuple.of(3, dates), Tuple.of(1, days),
                Tuple.of(2, ids), Tuple.of(2, codes), Tuple.of(1, subjects),
                Tuple.of(2, unknown), Tuple.of(1, nestedUnknown));
    }

    /** Byte-level damage: the body is no longer a valid JSON document (or barely is). */
    static Arbitrary<Mutation> byteDamage() {
        Set<String> malformed = Set.of(MALFORMED);
        // Inserted into a batch document, whose top level has no such member, the key is not a
        // duplicate but an unknown member: invalid, not malformed.
        Set<String> malformedOrUnknown = Set.of(MALFORMED, INVALID);
        List<Mutation> all = new ArrayList<>(List.of(
                new Bytes("trailing data", m -> m.plainThen(" x"), malformed),
                new Bytes("a second document", m -> m.plainThen("{}"), malformed),
                new Bytes("trailing bracket", m -> m.plainThen("]"), malformed),
                new Bytes("duplicate key", m -> m.insert("\"staffRole\":\"Receptionist\","), malformedOrUnknown),
                new Bytes("duplicate id", m -> m.insert("\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\","), malformedOrUnknown),
                new Bytes("NaN", m -> m.insert("\"emergency\":NaN,"), malformed),
                new Bytes("Infinity", m -> m.insert("\"bulk\":-Infinity,"), malformed),
                new Bytes("1,001-digit number", m -> m.insert("\"emergency\":" + "9".repeat(1001) + ","),
                        Set.of(MALFORMED, INVALID)),
                new Bytes("1,001-digit fraction", m -> m.insert("\"emergency\":0." + "1".repeat(1001) + ","),
                        Set.of(MALFORMED, INVALID)),
                new Bytes("huge exponent", m -> m.insert("\"emergency\":1e999999999,"), Set.of(MALFORMED, INVALID)),
                new Bytes("deep nesting", m -> m.insert("\"justification\":" + "[".repeat(5000) + "]".repeat(5000)
                        + ","), Set.of(MALFORMED, INVALID)),
                new Bytes("deep object nesting", m -> m.insert("\"justification\":" + "{\"a\":".repeat(3000) + "1"
                        + "}".repeat(3000) + ","), Set.of(MALFORMED, INVALID)),
                new Bytes("unterminated", m -> Arrays.copyOf(m.plain(), m.plain().length - 1), malformed),
                new Bytes("empty body", m -> new byte[0], malformed),
                new Bytes("whitespace only", m -> " \n".getBytes(StandardCharsets.UTF_8), malformed),
                new Bytes("null document", m -> "null".getBytes(StandardCharsets.UTF_8), Set.of(MALFORMED, INVALID)),
                new Bytes("array document", m -> "[]".getBytes(StandardCharsets.UTF_8), Set.of(INVALID, MALFORMED)),
                new Bytes("string document", m -> "\"x\"".getBytes(StandardCharsets.UTF_8), Set.of(INVALID, MALFORMED)),
                new Bytes("number document", m -> "0".getBytes(StandardCharsets.UTF_8), Set.of(INVALID, MALFORMED)),
                new Bytes("comment", m -> m.insert("/* c */"), malformed),
                new Bytes("single quotes", m -> m.staffRole("GP\"\u002c\"x\":'GP".getBytes(StandardCharsets.UTF_8)), malformed),
                new Bytes("unquoted name", m -> m.insert("x:1,"), malformed),
                new Bytes("trailing comma", m -> m.insert("\"caseReference\":\"c\",}{"), malformed),
                new Bytes("overlong UTF-8 slash", m -> m.staffRole(new byte[] {'G', (byte) 0xC0, (byte) 0xAF}),
                        Set.of(MALFORMED, INVALID)),
                new Bytes("byte FF", m -> m.staffRole(new byte[] {'G', (byte) 0xFF}), Set.of(MALFORMED, INVALID)),
                new Bytes("UTF-8 surrogate (CESU)", m -> m.staffRole(new byte[] {(byte) 0xED, (byte) 0xA0,
                        (byte) 0x80}), Set.of(MALFORMED, INVALID)),
                new Bytes("truncated sequence", m -> m.staffRole(new byte[] {'G', (byte) 0xE2, (byte) 0x82}),
                        Set.of(MALFORMED, INVALID)),
                new Bytes("Latin-1 e-acute", m -> m.staffRole(new byte[] {'G', (byte) 0xE9}),
                        Set.of(MALFORMED, INVALID)),
                new Bytes("escaped lone surrogate", m -> m.staffRole("GP \\ud800".getBytes(
                        StandardCharsets.US_ASCII)), Set.of(MALFORMED, INVALID)),
                new Bytes("escaped NUL", m -> m.staffRole("GP\\u0000".getBytes(StandardCharsets.US_ASCII)),
                        Set.of(INVALID)),
                new Bytes("raw control character", m -> m.staffRole(new byte[] {'G', 0x01}),
                        Set.of(MALFORMED, INVALID)),
                new Bytes("UTF-8 byte order mark", m -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, m.plain()),
                        Set.of(OK, MALFORMED)),
                new Bytes("UTF-16", m -> new String(m.plain(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16),
                        Set.of(OK, MALFORMED)),
                new Bytes("form encoded", m -> "id=1&kind=access".getBytes(StandardCharsets.US_ASCII), malformed)));
        return Arbitraries.of(all);
    }

    /** Odd Content-Type and Accept headers on a valid body. */
    static Arbitrary<Mutation> headers() {
        Set<String> media = Set.of(MEDIA_TYPE);
        return Arbitraries.of(
                new Headers("json", null, media), new Headers("text/plain", null, media),
                new Headers("application/x-www-form-urlencoded", null, media),
                new Headers("application/xml", null, media), new Headers("multipart/form-data; boundary=x", null, media),
                new Headers("application/json-patch+json", null, media), new Headers("*/*", null, media),
                new Headers("application/*", null, media), new Headers("application/json;;;", null, Set.of(OK, MEDIA_TYPE)),
                new Headers("application/json; charset=latin1", null, Set.of(OK, MEDIA_TYPE)),
                new Headers("application/json; charset=utf-8", null, Set.of(OK)),
                new Headers("APPLICATION/JSON", null, Set.of(OK)),
                new Headers("application/problem+json", null, Set.of(OK, MEDIA_TYPE)),
                new Headers("", null, media), new Headers("(((", null, media),
                new Headers("application/json", "(((", Set.of(OK, NOT_ACCEPTABLE)),
                new Headers("application/json", "text/html", Set.of(NOT_ACCEPTABLE)),
                new Headers("application/json", "application/xml", Set.of(NOT_ACCEPTABLE)),
                new Headers("application/json", "*/*;q=0", Set.of(OK, NOT_ACCEPTABLE)),
                new Headers("application/json", "", Set.of(OK, NOT_ACCEPTABLE)),
                new Headers("application/json", "text/event-stream", Set.of(NOT_ACCEPTABLE)),
                new Headers("application/json", "application/problem+json", Set.of(OK, NOT_ACCEPTABLE)),
                new Headers("application/json", "*/*", Set.of(OK)));
    }

    static Arbitrary<Mutation> any() {
        return Arbitraries.frequencyOf(Tuple.of(7, fieldChanges()),
                Tuple.of(2, byteDamage()), Tuple.of(1, headers()));
    }

    private static byte[] concat(byte[] a, String b) {
        return concat(a, b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
