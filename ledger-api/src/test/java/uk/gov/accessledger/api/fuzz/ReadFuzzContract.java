package uk.gov.accessledger.api.fuzz;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.fuzz.FuzzHttp.Answer;
import uk.gov.accessledger.api.fuzz.FuzzHttp.Request;
import uk.gov.accessledger.api.fuzz.ParameterMutations.Param;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;

/**
 * Mutated query parameters (citizen history, organisation list, audit) and proof parameters
 * (entry proofs, tiles, JSON proofs) against the running ledger. A citizen with six known
 * entries across seven years is the oracle: every page of their history must be exactly what
 * the filters select. Run on H2 and on PostgreSQL by the two subclasses.
 */
abstract class ReadFuzzContract {

    private static final Map<FuzzServer.Database, Fixture> FIXTURES = new EnumMap<>(FuzzServer.Database.class);

    abstract FuzzServer.Database database();

    /** One of the citizen's entries as recorded. */
    record Seeded(String id, String organisation, String purpose, String action, Instant happenedAt, long seq) {
    }

    /** The known citizen, another citizen with one entry, and cursors their pages gave out. */
    record Fixture(String citizen, List<Seeded> entries, String strangersEntry, List<String> cursors) {
    }

    Fixture fixture() {
        synchronized (FIXTURES) {
            return FIXTURES.computeIfAbsent(database(), d -> seed(FuzzServer.of(d)));
        }
    }

    FuzzServer server() {
        return FuzzServer.of(database());
    }

    private static Fixture seed(FuzzServer server) {
        String citizen = ApiTestSupport.nhsNumber();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Object[][] plan = {
                {TestServices.GP, "dpv:Consult", Instant.parse("2019-03-01T10:00:00Z")},
                {TestServices.DWP, "dpv:Consult", Instant.parse("2023-12-31T23:59:59.999Z")},
                {TestServices.GP, "dpv:Use", Instant.parse("2024-01-01T00:00:00Z")},
                {TestServices.DWP, "dpv:Use", Instant.parse("2025-06-15T12:00:00Z")},
                {TestServices.GP, "dpv:Consult", now.minus(2, ChronoUnit.HOURS)},
                {TestServices.GP, "dpv:Collect", now.minus(1, ChronoUnit.HOURS)}};
        List<Seeded> entries = new ArrayList<>();
        for (int seq = 0; seq < plan.length; seq++) {
            String service = (String) plan[seq][0];
            Instant at = (Instant) plan[seq][2];
            ObjectNode entry = ApiTestSupport.access(citizen).put("action", (String) plan[seq][1])
                    .put("occurredAt", at.toString());
            boolean dwp = service.equals(TestServices.DWP);
            if (dwp) {
                entry.put("staffRole", "Work coach").put("purpose", "al:BenefitEligibility")
                        .put("legalBasis", "ukgdpr:6.1.e").putArray("dataCategories").add("pd:Income");
            }
            record(server, service, entry);
            entries.add(new Seeded(entry.get("id").asString(""), dwp ? TestServices.DWP_ORG : TestServices.GP_ORG,
                    entry.get("purpose").asString(""), (String) plan[seq][1], at, seq));
        }
        ObjectNode strangers = ApiTestSupport.access(ApiTestSupport.nhsNumber());
        record(server, TestServices.GP, strangers);
        awaitLogged(server);
        List<String> cursors = new ArrayList<>();
        for (int limit = 1; limit <= 3; limit++) {
            JsonNode page = server.http.send(Request.get("/api/v1/me/entries?limit=" + limit,
                    FuzzHttp.citizen(citizen))).json();
            cursors.add(page.path("next").asString(""));
        }
        JsonNode org = server.http.send(Request.get("/api/v1/organisation/entries?limit=2",
                FuzzHttp.service(TestServices.GP))).json();
        cursors.add(org.path("next").asString(""));
        return new Fixture(citizen, entries, strangers.get("id").asString(""), cursors);
    }

    private static void record(FuzzServer server, String service, ObjectNode entry) {
        Answer answer = server.http.send(Request.postJson(IngestFuzzContract.ENTRIES, FuzzHttp.service(service),
                EntryMutations.bytes(entry)));
        if (answer.status() != 201) {
            throw new IllegalStateException("couldn't seed the fuzz fixture: " + answer);
        }
    }

    private static void awaitLogged(FuzzServer server) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (server.jdbc.queryForObject("SELECT COUNT(*) FROM log_pending", Long.class) > 0
                || checkpointSize(server) < server.stored()[0]) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the fuzz fixture was not in a signed checkpoint within 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static long checkpointSize(FuzzServer server) {
        Long size = server.jdbc.queryForObject("SELECT MAX(tree_size) FROM log_checkpoint", Long.class);
        return size == null ? 0 : size;
    }

    @AfterContainer
    static void report() {
        Findings.report();
    }

    // --- the citizen's history --------------------------------------------------------------

    private static final List<String> HISTORY = List.of("limit", "cursor", "from", "to", "organisation", "purpose",
            "action", "kind");

    @Provide
    Arbitrary<List<Param>> historyParams() {
        return ParameterMutations.params(HISTORY, fixture().cursors());
    }

    @Provide
    Arbitrary<String> accepts() {
        return Arbitraries.of(ParameterMutations.ACCEPTS).injectNull(0.7);
    }

    /** Every 2xx page of the known citizen's history is exactly what its filters select. */
    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void theHistoryAnswersExactlyTheFilteredPageOrAProblemNamingAParameter(
            @ForAll("historyParams") List<Param> params, @ForAll("accepts") String accept) {
        Fixture fixture = fixture();
        Request request = Request.get("/api/v1/me/entries" + ParameterMutations.query(params),
                FuzzHttp.citizen(fixture.citizen())).withHeader("Accept", accept);
        Answer answer = server().http.send(request);
        List<String> broken = new ArrayList<>(ProblemRules.check(request, null, answer));
        if (answer.status() == 200) {
            Map<String, String> first = firstValues(params);
            String unknown = first.keySet().stream().filter(n -> !HISTORY.contains(n)).findFirst().orElse(null);
            if (unknown != null) {
                broken.add("accepted-unknown-parameter: " + unknown);
            }
            expectedPage(fixture, first, answer.json(), broken);
        }
        Findings.check(request, answer, broken);
    }

    private static Map<String, String> firstValues(List<Param> params) {
        Map<String, String> first = new LinkedHashMap<>();
        params.forEach(p -> first.putIfAbsent(p.name(), p.value() == null ? "" : p.value()));
        return first;
    }

    /** Computes the page the filters select from the fixture and compares ids in order. */
    private static void expectedPage(Fixture fixture, Map<String, String> params, JsonNode page, List<String> broken) {
        int limit = 20;
        if (params.containsKey("limit")) {
            if (!params.get("limit").matches("[1-9][0-9]{0,2}") || Integer.parseInt(params.get("limit")) > 100) {
                broken.add("accepted-bad-parameter: limit=" + params.get("limit"));
                return;
            }
            limit = Integer.parseInt(params.get("limit"));
        }
        long before = Long.MAX_VALUE;
        if (params.containsKey("cursor")) {
            Long position = decodeCursor(params.get("cursor"));
            if (position == null) {
                broken.add("accepted-bad-parameter: cursor=" + params.get("cursor"));
                return;
            }
            before = position;
        }
        Instant from = day(params, "from", broken);
        Instant to = day(params, "to", broken);
        if (from == Instant.MAX || to == Instant.MAX) {
            return;
        }
        long beforeSeq = before;
        List<String> selected = fixture.entries().stream()
                .filter(e -> e.seq() < beforeSeq)
                .filter(e -> matches(params.get("organisation"), e.organisation())
                        && matches(params.get("purpose"), e.purpose()) && matches(params.get("action"), e.action())
                        && matches(params.get("kind"), "access"))
                .filter(e -> from == null || !e.happenedAt().isBefore(from))
                .filter(e -> to == null || e.happenedAt().isBefore(to.plus(1, ChronoUnit.DAYS)))
                .sorted(Comparator.comparingLong(Seeded::seq).reversed()).map(Seeded::id).toList();
        List<String> want = selected.subList(0, Math.min(limit, selected.size()));
        List<String> got = new ArrayList<>();
        page.path("entries").forEach(e -> got.add(e.path("id").asString("")));
        if (!got.equals(want)) {
            broken.add("wrong-page: filters " + params + " selected " + want + " but the page holds " + got);
        }
        if (page.hasNonNull("next") != (selected.size() > limit)) {
            broken.add("wrong-next: " + selected.size() + " selected with limit " + limit + ", next " + page.get("next"));
        }
    }

    private static boolean matches(String filter, String value) {
        return filter == null || filter.isBlank() || filter.equals(value);
    }

    /** A day filter as an instant; null when absent or blank; Instant.MAX (after an error) when not a date. */
    private static Instant day(Map<String, String> params, String name, List<String> broken) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            broken.add("accepted-bad-parameter: " + name + "=" + value);
            return Instant.MAX;
        }
    }

    private static Long decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return text.matches("c1:[0-9]{1,18}") ? Long.parseLong(text.substring(3)) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // --- the organisation's list and the auditor's queries -----------------------------------

    @Provide
    Arbitrary<List<Param>> organisationParams() {
        return ParameterMutations.params(HISTORY, fixture().cursors());
    }

    /** A service sees only its own organisation's entries, each matching the filters. */
    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void theOrganisationListHoldsOnlyOwnEntriesMatchingItsFilters(@ForAll("organisationParams") List<Param> params,
                                                                  @ForAll("accepts") String accept) {
        Request request = Request.get("/api/v1/organisation/entries" + ParameterMutations.query(params),
                FuzzHttp.service(TestServices.GP)).withHeader("Accept", accept);
        Answer answer = server().http.send(request);
        List<String> broken = new ArrayList<>(ProblemRules.check(request, null, answer));
        if (answer.status() == 200) {
            Map<String, String> first = firstValues(params);
            Instant from = day(first, "from", broken);
            Instant to = day(first, "to", broken);
            for (JsonNode view : answer.json().path("entries")) {
                JsonNode entry = view.path("entry");
                Instant happened = Instant.parse(view.path("happenedAt").asString(""));
                if (!entry.path("organisation").asString("").equals(TestServices.GP_ORG)
                        || !matches(first.get("purpose"), entry.path("purpose").asString(""))
                        || !matches(first.get("action"), entry.path("action").asString(""))
                        || !matches(first.get("kind"), view.path("kind").asString(""))
                        || from != null && from != Instant.MAX && happened.isBefore(from)
                        || to != null && to != Instant.MAX && !happened.isBefore(to.plus(1, ChronoUnit.DAYS))) {
                    broken.add("entry-outside-filters: " + first + " answered entry " + view.path("id") + " "
                            + entry.path("organisation") + " " + entry.path("purpose") + " " + happened);
                    break;
                }
            }
        }
        Findings.check(request, answer, broken);
    }

    private static final List<String> AUDIT = List.of("organisation", "service", "purpose", "legalBasis", "action",
            "kind", "from", "to", "policyException", "limit", "cursor");

    @Provide
    Arbitrary<String> auditPaths() {
        return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just("/api/v1/audit/summary")),
                Tuple.of(5, Arbitraries.just("/api/v1/audit/policy-exceptions")),
                Tuple.of(1, Arbitraries.just("/api/v1/audit/entries.jsonl")),
                Tuple.of(1, Arbitraries.just("/api/v1/audit/entries.csv")),
                Tuple.of(1, Arbitraries.just("/api/v1/audit/self-audit")));
    }

    @Provide
    Arbitrary<List<Param>> auditParams() {
        return ParameterMutations.params(AUDIT, List.of());
    }

    /** The auditor's queries answer 2xx or a problem naming a sent parameter, whatever the filters. */
    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void auditQueriesAnswerOrNameTheirParameter(@ForAll("auditPaths") String path,
                                                @ForAll("auditParams") List<Param> params,
                                                @ForAll("accepts") String accept) {
        Request request = Request.get(path + ParameterMutations.query(params), FuzzHttp.auditor())
                .withHeader("Accept", accept);
        Answer answer = server().http.send(request);
        List<String> broken = new ArrayList<>(ProblemRules.check(request, null, answer));
        if (answer.status() == 200 && path.endsWith("policy-exceptions")) {
            for (JsonNode view : answer.json().path("entries")) {
                if (!view.path("policyException").asBoolean()) {
                    broken.add("entry-outside-filters: policy-exceptions answered " + view.path("id"));
                }
            }
        }
        Findings.check(request, answer, broken);
    }

    // --- proofs, tiles and entry ids ---------------------------------------------------------

    @Provide
    Arbitrary<String> entryIds() {
        Fixture fixture = fixture();
        List<String> own = fixture.entries().stream().map(Seeded::id).toList();
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(own)),
                Tuple.of(1, Arbitraries.of(own).map(String::toUpperCase)),
                Tuple.of(1, Arbitraries.just(fixture.strangersEntry())),
                Tuple.of(1, Arbitraries.create(() -> UUID.randomUUID().toString())),
                Tuple.of(3, Arbitraries.of(ParameterMutations.ID_GARBAGE)));
    }

    /** An entry and its proof are served for the caller's own ids, in the 8-4-4-4-12 form, and nothing else. */
    @Property(tries = 250, shrinking = ShrinkingMode.BOUNDED)
    void anEntryOrItsProofIsServedOnlyForTheCallersOwnId(@ForAll("entryIds") String id, @ForAll boolean proof,
                                                         @ForAll("accepts") String accept) {
        Fixture fixture = fixture();
        Request request = Request.get("/api/v1/me/entries/" + id + (proof ? "/proof" : ""),
                FuzzHttp.citizen(fixture.citizen())).withHeader("Accept", accept);
        Answer answer = server().http.send(request);
        List<String> broken = new ArrayList<>(ProblemRules.check(request, null, answer));
        boolean own = fixture.entries().stream().anyMatch(e -> e.id().equalsIgnoreCase(id));
        if (answer.status() == 200 && !own) {
            broken.add("served-for-foreign-id: " + request.target() + " answered 200 for an id the caller does not own"
                    + " in the 8-4-4-4-12 form");
        }
        if (own && accept == null && answer.status() != 200) {
            broken.add("own-entry-unserved: " + answer.status());
        }
        Findings.check(request, answer, broken);
    }

    @Provide
    Arbitrary<String> tilePaths() {
        return Combinators.combine(Arbitraries.of(ParameterMutations.LEVELS),
                ParameterMutations.tileIndexes(), ParameterMutations.widths()).as((l, n, w) -> l + "/" + n + w);
    }

    private static final Pattern TILE = Pattern.compile("(0|[1-9][0-9]*|entries)/((?:x[0-9]{3}/)*[0-9]{3})"
            + "(?:\\.p/([1-9][0-9]{0,2}))?");

    /**
     * A tile is served only when the latest checkpoint covers it under the tlog-tiles reading of
     * its path (computed here with unbounded integers), with 32 bytes per hash.
     */
    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void aTileIsServedOnlyWhenTheCheckpointCoversIt(@ForAll("tilePaths") String path) {
        FuzzServer server = server();
        Request request = Request.get("/log/tile/" + path, FuzzHttp.auditor());
        Answer answer = server.http.send(request);
        long size = checkpointSize(server);
        List<String> broken = new ArrayList<>(ProblemRules.check(request, null, answer));
        if (answer.status() == 200) {
            Matcher m = TILE.matcher(path);
            if (!m.matches() || m.group(3) != null && Integer.parseInt(m.group(3)) > 255) {
                broken.add("tile-noncanonical-served: " + path + " is not a tlog-tiles path");
            } else {
                BigInteger index = new BigInteger(m.group(2).replace("x", "").replace("/", ""));
                int width = m.group(3) == null ? 256 : Integer.parseInt(m.group(3));
                boolean entries = m.group(1).equals("entries");
                BigInteger available = entries ? BigInteger.valueOf(size) : BigInteger.valueOf(size)
                        .shiftRight(8 * Math.min(Integer.parseInt(m.group(1)), 1000));
                if (index.shiftLeft(8).add(BigInteger.valueOf(width)).compareTo(available) > 0) {
                    broken.add("tile-beyond-checkpoint: " + path + " served although checkpoint size " + size
                            + " does not cover it");
                } else if (!entries && answer.body().length != width * 32 || answer.body().length == 0) {
                    broken.add("tile-wrong-length: " + path + " served " + answer.body().length + " bytes");
                }
            }
        }
        Findings.check(request, answer, broken);
    }

    @Provide
    Arbitrary<List<Param>> proofParams() {
        return ParameterMutations.params(List.of("index", "size", "from", "to"), List.of());
    }

    /** JSON proofs answer only for sizes the latest checkpoint covers, with 32-byte hashes. */
    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void proofsAnswerOnlyForCoveredSizes(@ForAll boolean inclusion, @ForAll("proofParams") List<Param> params) {
        FuzzServer server = server();
        Request request = Request.get("/api/v1/log/proof/" + (inclusion ? "inclusion" : "consistency")
                + ParameterMutations.query(params), null);
        Answer answer = server.http.send(request);
        long size = checkpointSize(server);
        List<String> broken = new ArrayList<>(ProblemRules.check(request, null, answer));
        if (answer.status() == 200) {
            JsonNode body = answer.json();
            long upper = inclusion ? body.path("size").asLong() : body.path("to").asLong();
            long lower = inclusion ? body.path("index").asLong() : body.path("from").asLong();
            if (upper > size || upper < 1 || lower < 0 || (inclusion ? lower >= upper : lower > upper)) {
                broken.add("proof-outside-checkpoint: " + body + " with checkpoint size " + size);
            }
            for (JsonNode hash : body.path("proof")) {
                if (Base64.getDecoder().decode(hash.asString("")).length != 32) {
                    broken.add("proof-hash-length: " + hash);
                }
            }
        }
        Findings.check(request, answer, broken);
    }
}
