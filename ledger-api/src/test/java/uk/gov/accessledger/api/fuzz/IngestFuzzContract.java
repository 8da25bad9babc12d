package uk.gov.accessledger.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.fuzz.EntryMutations.Mutation;
import uk.gov.accessledger.api.fuzz.EntryMutations.SetField;
import uk.gov.accessledger.api.fuzz.FuzzHttp.Answer;
import uk.gov.accessledger.api.fuzz.FuzzHttp.Request;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;

/**
 * Mutated single entries and batches, replays and concurrent duplicates against the running
 * ledger; run on H2 and on PostgreSQL by the two subclasses.
 */
abstract class IngestFuzzContract {

    static final String ENTRIES = "/api/v1/entries";
    static final String BATCH = "/api/v1/entries/batch";
    /** Reads what a request's body is as JSON, duplicates allowed, for resolving pointers in it. */
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    abstract FuzzServer.Database database();

    FuzzServer server() {
        return FuzzServer.of(database());
    }

    @AfterContainer
    static void report() {
        Findings.report();
    }

    @Provide
    Arbitrary<Mutation> entryMutations() {
        return EntryMutations.any();
    }

    @Provide
    Arbitrary<Mutation> batchShapes() {
        Arbitrary<Mutation> entries = EntryMutations.wrongTypes().injectNull(0.2).map(v -> new SetField("/entries", v));
        Arbitrary<Mutation> element = EntryMutations.wrongTypes().map(v -> new SetField("/entries/0", v));
        Arbitrary<Mutation> unknown = Arbitraries.of("a/b", "~", "~1", "", "entries ", "Entries", "/")
                .map(n -> new SetField("/" + n.replace("~", "~0").replace("/", "~1"), EntryMutations.texts()
                        .sample()));
        return Arbitraries.oneOf(entries, element, unknown, EntryMutations.byteDamage(), EntryMutations.headers());
    }

    /** A lone entry with one thing changed: answered within the contract, stored only if accepted. */
    @Property(tries = 350, shrinking = ShrinkingMode.BOUNDED)
    void aMutatedEntryIsEitherRecordedAsSentOrRejectedAsAProblemStoringNothing(
            @ForAll("entryMutations") Mutation mutation) {
        ObjectNode entry = ApiTestSupport.access(ApiTestSupport.nhsNumber());
        byte[] body = mutation.apply(entry.deepCopy(), "");
        Request request = request(ENTRIES, body, mutation);
        exchange(request, body, mutation, "", 1);
    }

    /** A batch with one bad entry among good ones: all or nothing, the error names the bad one. */
    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
    void aBatchWithOneMutatedEntryIsRecordedWholeOrRejectedWhole(
            @ForAll("entryMutations") Mutation mutation, @ForAll @IntRange(min = 1, max = 4) int size,
            @ForAll @IntRange(min = 0, max = 3) int at) {
        int bad = at % size;
        ObjectNode batch = LENIENT.createObjectNode();
        ArrayNode list = batch.putArray("entries");
        for (int i = 0; i < size; i++) {
            list.add(ApiTestSupport.access(ApiTestSupport.nhsNumber()));
        }
        byte[] body = mutation.apply(batch.deepCopy(), "/entries/" + bad);
        exchange(request(BATCH, body, mutation), body, mutation, "/entries/" + bad, size);
    }

    /** The batch document itself damaged: entries of the wrong type, unknown members, bad bytes. */
    @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED)
    void aMutatedBatchDocumentIsRejectedAsAProblemStoringNothing(@ForAll("batchShapes") Mutation mutation) {
        ObjectNode batch = ApiTestSupport.batchOfAccesses(2);
        byte[] body = mutation.apply(batch.deepCopy(), "");
        exchange(request(BATCH, body, mutation), body, mutation, "", 2);
    }

    @Provide
    Arbitrary<ObjectNode> validEntries() {
        Arbitrary<String> texts = Arbitraries.oneOf(Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1)
                        .ofMaxLength(100), Arbitraries.strings().alpha().numeric().withChars("éßø中 ‐’").ofMinLength(1)
                        .ofMaxLength(50).map(t -> t + "😀")).filter(t -> !t.isBlank() && t.length() <= 100);
        Arbitrary<Long> ageSeconds = Arbitraries.longs().between(3_600, 3L * 365 * 86_400);
        Arbitrary<Integer> millis = Arbitraries.integers().between(0, 999);
        return Combinators.combine(texts, texts.injectNull(0.5), ageSeconds, millis,
                Arbitraries.of("dpv:Consult", "dpv:Use", "dpv:Collect")).as((role, justification, age, ms, action) -> {
                    ObjectNode entry = ApiTestSupport.access(ApiTestSupport.nhsNumber()).put("staffRole", role)
                            .put("action", action).put("occurredAt", Instant.now().minusSeconds(age)
                                    .truncatedTo(ChronoUnit.SECONDS).plusMillis(ms).toString());
                    if (justification != null) {
                        entry.put("justification", justification);
                    }
                    return entry;
                });
    }

    /**
     * docs/api.md, idempotency: the same id and content answers 200 with the first receipt (in
     * any member order or layout); other content, or another organisation, answers 409 naming
     * {@code /id}; neither stores anything.
     */
    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void aReplayGetsTheFirstReceiptAndAChangedReplayA409(@ForAll("validEntries") ObjectNode entry) {
        FuzzServer server = server();
        String gp = FuzzHttp.service(TestServices.GP);
        byte[] body = EntryMutations.bytes(entry);
        Request first = Request.postJson(ENTRIES, gp, body);
        Answer created = server.http.send(first);
        List<String> broken = new ArrayList<>(ProblemRules.check(first, entry, created));
        if (created.status() != 201) {
            broken.add("valid-entry-not-created: " + created.status());
            Findings.check(first, created, broken);
            return;
        }
        Findings.check(first, created, broken);
        long[] before = server.stored();
        ObjectNode reordered = LENIENT.createObjectNode();
        List<String> names = new ArrayList<>();
        names.addAll(entry.propertyNames());
        Collections.reverse(names);
        names.forEach(n -> reordered.set(n, entry.get(n)));
        for (byte[] same : List.of(body, reordered.toPrettyString().getBytes(StandardCharsets.UTF_8))) {
            Request again = Request.postJson(ENTRIES, gp, same);
            Answer replay = server.http.send(again);
            List<String> rules = new ArrayList<>(ProblemRules.check(again, lenient(same), replay));
            if (replay.status() != 200 || !created.json().equals(replay.json())) {
                rules.add("replay-differs: the same entry again answered " + replay + ", first " + created);
            }
            unchanged(server, before, rules);
            Findings.check(again, replay, rules);
        }
        // Other content that is itself valid: a staffRole may hold at most 100 characters.
        String role = entry.get("staffRole").asString("");
        String otherRole = role.length() < 100 ? role + "x" : (role.startsWith("x") ? "y" : "x") + role.substring(1);
        ObjectNode changed = entry.deepCopy().put("staffRole", otherRole);
        Request conflicting = Request.postJson(ENTRIES, gp, EntryMutations.bytes(changed));
        Request otherService = Request.postJson(ENTRIES, FuzzHttp.service(TestServices.DWP), body);
        for (Request clash : List.of(conflicting, otherService)) {
            Answer answer = server.http.send(clash);
            List<String> rules = new ArrayList<>(ProblemRules.check(clash, lenient(clash.body()), answer));
            outcome(Set.of(EntryMutations.CONFLICT), answer, rules);
            if (answer.status() == 409 && !answer.json().path("errors").path(0).path("pointer").asString("").equals("/id")) {
                rules.add("conflict-misnames-field: " + answer.json().path("errors"));
            }
            unchanged(server, before, rules);
            Findings.check(clash, answer, rules);
        }
    }

    /**
     * A few clients sending the same id at once: exactly one 201; the others get 200 with the same
     * entry (same content) or 409 (other content); never 5xx; one entry stored.
     */
    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void concurrentDuplicatesRecordOneEntry(@ForAll boolean sameContent, @ForAll @IntRange(min = 2, max = 4) int clients,
                                            @ForAll boolean batched) throws Exception {
        FuzzServer server = server();
        ObjectNode entry = ApiTestSupport.access(ApiTestSupport.nhsNumber());
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            ObjectNode mine = sameContent ? entry : entry.deepCopy().put("staffRole", "GP " + i);
            ObjectNode document = mine;
            if (batched) {
                document = LENIENT.createObjectNode();
                document.putArray("entries").add(mine);
            }
            requests.add(Request.postJson(batched ? BATCH : ENTRIES, FuzzHttp.service(TestServices.GP),
                    EntryMutations.bytes(document)));
        }
        long[] before = server.stored();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Answer> answers = new ArrayList<>();
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (Request request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return server.http.send(request);
                }));
            }
            start.countDown();
            for (Future<Answer> f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            broken.addAll(ProblemRules.check(requests.get(i), lenient(requests.get(i).body()), answers.get(i)));
        }
        List<Integer> statuses = answers.stream().map(Answer::status).toList();
        long created = statuses.stream().filter(s -> s == 201).count();
        Set<Integer> othersAllowed = sameContent ? Set.of(200) : Set.of(409);
        if (created != 1 || statuses.stream().filter(s -> s != 201).anyMatch(s -> !othersAllowed.contains(s))) {
            broken.add("concurrent-duplicates: " + (sameContent ? "same" : "different") + " content from " + clients
                    + " clients answered " + statuses + ", want one 201 and the rest " + othersAllowed);
        }
        long[] after = server.stored();
        if (after[0] != before[0] + 1 || after[1] != before[1] + 1) {
            broken.add("concurrent-duplicates-stored: entries/events " + Arrays.toString(before) + " to "
                    + Arrays.toString(after));
        }
        Findings.check(requests.get(0), statuses, broken);
    }

    private static Request request(String path, byte[] body, Mutation mutation) {
        Request request = Request.postJson(path, FuzzHttp.service(TestServices.GP), body);
        if (mutation instanceof EntryMutations.Headers headers) {
            request = request.withHeader("Content-Type", headers.contentType()).withHeader("Accept", headers.accept());
        }
        return request;
    }

    /** Sends one case and checks every rule; {@code entries} is how many entries an acceptance records. */
    private void exchange(Request request, byte[] body, Mutation mutation, String prefix, int entries) {
        FuzzServer server = server();
        long[] before = server.stored();
        Answer answer = server.http.send(request);
        JsonNode document = lenient(body);
        List<String> broken = new ArrayList<>(ProblemRules.check(request, document, answer));
        outcome(mutation.allowed(), answer, broken);
        if (answer.status() >= 200 && answer.status() < 300) {
            accepted(server, document, answer, before, entries, broken);
        } else {
            unchanged(server, before, broken);
            if (mutation instanceof SetField field && field.errorNamesField()
                    && EntryMutations.INVALID.equals(answer.json() == null ? null : answer.json().path("type").asString(""))) {
                namesField(answer, prefix + field.path(), broken);
            }
        }
        Findings.check(request, answer, broken);
    }

    static void outcome(Set<String> allowed, Answer answer, List<String> broken) {
        if (answer.status() < 0) {
            return;
        }
        String outcome = answer.status() < 300 ? EntryMutations.OK
                : answer.json() == null ? "status " + answer.status() : answer.json().path("type").asString("");
        if (!allowed.contains(outcome)) {
            broken.add("unexpected-outcome: " + outcome + " (" + answer.status() + "), documented " + allowed);
        }
    }

    static void unchanged(FuzzServer server, long[] before, List<String> broken) {
        long[] after = server.stored();
        if (!Arrays.equals(before, after)) {
            broken.add("stored-on-reject: entries/events went from " + Arrays.toString(before) + " to "
                    + Arrays.toString(after));
        }
    }

    /**
     * Some error must name the changed member: the pointer itself, one inside it or one above it.
     * A member whose name holds an unpaired surrogate cannot be named by a pointer that is valid
     * UTF-8, so docs/api.md ("Text") names the object holding it, which may be the whole document.
     */
    private static void namesField(Answer answer, String path, List<String> broken) {
        String parent = path.substring(0, path.lastIndexOf('/'));
        boolean unnameable = hasUnpairedSurrogate(path.substring(path.lastIndexOf('/') + 1));
        for (JsonNode error : answer.json().path("errors")) {
            String p = error.path("pointer").asText(null);
            if (unnameable && parent.equals(p)) {
                return;
            }
            if (p != null && (p.equals(path) || p.startsWith(path + "/") || (!p.isEmpty() && !p.equals("/")
                    && path.startsWith(p + "/")))) {
                return;
            }
        }
        broken.add("error-misnames-field: no error names " + path + ": " + answer.json().path("errors"));
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** An accepted request stored exactly its entries, as sent, and every read still works. */
    private void accepted(FuzzServer server, JsonNode document, Answer answer, long[] before, int entries,
                          List<String> broken) {
        JsonNode body = answer.json();
        List<JsonNode> sent = new ArrayList<>();
        List<JsonNode> receipts = new ArrayList<>();
        if (document != null && document.has("entries")) {
            document.get("entries").forEach(sent::add);
            body.path("receipts").forEach(receipts::add);
        } else if (document != null) {
            sent.add(document);
            receipts.add(body);
        }
        long added = answer.status() == 201 ? entries : 0;
        long[] after = server.stored();
        if (after[0] != before[0] + added || after[1] != before[1] + added) {
            broken.add("stored-count: status " + answer.status() + " with " + entries + " entries moved entries/events "
                    + Arrays.toString(before) + " to " + Arrays.toString(after));
        }
        if (receipts.size() != sent.size()) {
            broken.add("receipt-count: " + receipts.size() + " receipts for " + sent.size() + " entries");
            return;
        }
        for (int i = 0; i < sent.size(); i++) {
            readBack(server, sent.get(i), receipts.get(i).path("id").asString(""), broken);
        }
        stillAnswers(server, sent.isEmpty() ? null : citizenOf(sent.get(0)), broken);
    }

    private static void readBack(FuzzServer server, JsonNode sent, String id, List<String> broken) {
        // RFC 9562 section 4: UUIDs are case-insensitive on input, so only the case may differ.
        if (!id.equalsIgnoreCase(sent.path("id").asString(""))) {
            broken.add("receipt-id-differs: sent id '" + sent.path("id").asString("") + "', receipt id '" + id + "'");
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            broken.add("receipt-id-not-uuid: " + id);
            return;
        }
        if (!server.hasEntry(uuid)) {
            broken.add("accepted-not-stored: " + id);
        }
        String citizen = citizenOf(sent);
        if (citizen == null) {
            return;
        }
        Request get = Request.get(ENTRIES.replace("/entries", "/me/entries/") + id, FuzzHttp.citizen(citizen));
        Answer detail = server.http.send(get);
        broken.addAll(ProblemRules.check(get, null, detail));
        if (detail.status() == 404 && sent.hasNonNull("discloseAfter")) {
            return; // withheld from the citizen until then
        }
        if (detail.status() != 200) {
            broken.add("accepted-unreadable: the citizen's GET of " + id + " answered " + detail.status());
            return;
        }
        JsonNode view = detail.json().path("entry");
        String occurredAt = sent.path("occurredAt").asString("");
        try {
            Instant expected = Instant.parse(occurredAt).truncatedTo(ChronoUnit.MILLIS);
            if (!view.path("happenedAt").asString("").equals(expected.toString())
                    && !Instant.parse(view.path("happenedAt").asString("")).equals(expected)) {
                broken.add("served-instant-differs: occurredAt " + occurredAt + " served as happenedAt "
                        + view.path("happenedAt").asString(""));
            }
        } catch (DateTimeParseException e) {
            broken.add("accepted-lenient-instant: occurredAt '" + occurredAt + "' is not RFC 3339 / Instant.parse");
        }
        for (String field : List.of("staffRole", "staffReference", "justification", "caseReference")) {
            if (sent.path(field).isString() && !sent.get(field).stringValue().equals(view.path("entry").path(field)
                    .asText(null))) {
                broken.add("stored-text-differs: " + field + " sent " + LENIENT.valueToTree(sent.get(field).stringValue())
                        + ", served " + view.path("entry").path(field));
            }
        }
    }

    /** After an acceptance the summary, the citizen's history and the organisation's list still answer. */
    static void stillAnswers(FuzzServer server, String citizen, List<String> broken) {
        List<Request> reads = new ArrayList<>(List.of(
                Request.get("/api/v1/audit/summary", FuzzHttp.auditor()),
                Request.get("/api/v1/organisation/entries", FuzzHttp.service(TestServices.GP))));
        if (citizen != null) {
            reads.add(Request.get("/api/v1/me/entries", FuzzHttp.citizen(citizen)));
        }
        for (Request read : reads) {
            Answer answer = server.http.send(read);
            if (answer.status() != 200) {
                broken.add("read-fails-after-accept: " + read.target() + " answered " + answer);
            }
        }
    }

    /** The citizen an entry is about, when it is an NHS number the tests can make a token for. */
    static String citizenOf(JsonNode sent) {
        JsonNode subject = sent.path("subject");
        if (!"nhs-number".equals(subject.path("scheme").asString("")) || !subject.path("id").isString()) {
            return null;
        }
        String digits = subject.get("id").stringValue().replace(" ", "").replace("-", "");
        return digits.matches("[0-9]{10}") ? digits : null;
    }

    static JsonNode lenient(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : LENIENT.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
