package uk.gov.accessledger.portal.history;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import uk.gov.accessledger.portal.ledger.EntryView;
import uk.gov.accessledger.portal.ledger.GenuinenessCheck;
import uk.gov.accessledger.portal.ledger.HistoryQuery;
import uk.gov.accessledger.portal.ledger.LedgerClient;

/**
 * The signed-in citizen's history, one entry, and the concern form. Filter values are checked
 * against the reference data before they reach ledger-api, so a hand-edited URL gets "any" rather
 * than an error; page cursors travel in the URL ({@code c}, one per page so far) so "Previous"
 * works without JavaScript or server state.
 */
@Controller
class HistoryController {

    static final int PAGE_SIZE = 20;
    static final int MAX_CONCERN = 2000;
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    /** The kind filter's options, in the order of their codes. */
    private static final List<FilterOption> KINDS = Arrays.stream(EntryKind.values())
            .map(k -> new FilterOption(k.code, k.filterName())).sorted(Comparator.comparing(FilterOption::value))
            .toList();
    private static final Map<String, String> PERIODS = new LinkedHashMap<>();

    static {
        PERIODS.put("7d", "Last 7 days");
        PERIODS.put("30d", "Last 30 days");
        PERIODS.put("12m", "Last 12 months");
    }

    private final LedgerClient ledger;
    private final Clock clock;

    HistoryController(LedgerClient ledger) {
        this.ledger = ledger;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/entries")
    Mono<String> history(@RequestParam MultiValueMap<String, String> params, Model model) {
        List<String> trail = params.getOrDefault("c", List.of()).stream().filter(c -> CURSOR.matcher(c).matches())
                .toList();
        return ledger.reference().flatMap(reference -> {
            Filters f = filters(params, reference);
            LocalDate today = LocalDate.now(clock.withZone(EntryText.UK));
            HistoryQuery query = query(f, today, trail.isEmpty() ? null : trail.get(trail.size() - 1));
            return ledger.history(query).map(page -> {
                model.addAttribute("rows", page.entries().stream().map(EntryRow::of).toList());
                model.addAttribute("filters", f);
                model.addAttribute("pageNumber", trail.size() + 1);
                model.addAttribute("organisations", options(reference.path("organisations"), "name"));
                model.addAttribute("purposes", options(reference.path("purposes"), "label"));
                model.addAttribute("kinds", KINDS);
                model.addAttribute("periods", PERIODS.entrySet().stream()
                        .map(k -> new FilterOption(k.getKey(), k.getValue())).toList());
                if (page.next() != null) {
                    List<String> next = new ArrayList<>(trail);
                    next.add(page.next());
                    model.addAttribute("nextHref", link("/entries", f, next));
                }
                if (!trail.isEmpty()) {
                    model.addAttribute("previousHref", link("/entries", f, trail.subList(0, trail.size() - 1)));
                }
                if (trail.isEmpty()) {
                    // New entries belong at the top of the first page: it alone updates itself. They
                    // are those after the newest shown, so one recorded while the page loads is not lost.
                    long newest = page.entries().isEmpty() ? -1 : page.entries().get(0).seq();
                    model.addAttribute("liveUrl", liveLink(f, newest));
                }
                model.addAttribute("csvHref", link("/download/entries.csv", f, List.of()));
                model.addAttribute("jsonHref", link("/download/entries.json", f, List.of()));
                return "history";
            });
        });
    }

    @GetMapping("/entries/{id}")
    Mono<String> entry(@PathVariable String id, @RequestParam(required = false) String concern, Model model) {
        return ledger.entry(id).map(detail -> {
            var e = detail.entry();
            model.addAttribute("entry", e);
            model.addAttribute("kindName", EntryText.kindName(e.kind()));
            model.addAttribute("headline", EntryText.headline(e));
            model.addAttribute("rows", EntrySummary.rows(e));
            model.addAttribute("policyExceptions", policyExceptions(e));
            model.addAttribute("check", GenuinenessCheck.of(detail));
            model.addAttribute("previous", detail.previous());
            model.addAttribute("next", detail.next());
            model.addAttribute("referredBy", detail.referredBy() == null ? List.of()
                    : detail.referredBy().stream().map(EntryRow::of).toList());
            model.addAttribute("concernRaised", "raised".equals(concern));
            // No "I do not recognise this" on one of the citizen's own concerns.
            model.addAttribute("concernAllowed", EntryKind.of(e.kind()).orElse(null) != EntryKind.CONCERN);
            return "entry";
        });
    }

    @GetMapping("/entries/{id}/concern")
    Mono<String> concernForm(@PathVariable String id, Model model) {
        return ledger.entry(id).map(detail -> {
            model.addAttribute("entry", detail.entry());
            model.addAttribute("headline", EntryText.headline(detail.entry()));
            model.addAttribute("when", EntryText.when(detail.entry().happenedAt()));
            model.addAttribute("message", "");
            return "concern";
        });
    }

    @PostMapping("/entries/{id}/concern")
    Mono<String> raiseConcern(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String message = concernMessage(form.getFirst("message"));
            String error = message.isEmpty() ? "Enter what you do not recognise about this record"
                    : message.length() > MAX_CONCERN ? "Your concern must be " + MAX_CONCERN
                    + " characters or fewer" : null;
            if (error != null) {
                return ledger.entry(id).map(detail -> {
                    exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                    model.addAttribute("entry", detail.entry());
                    model.addAttribute("headline", EntryText.headline(detail.entry()));
                    model.addAttribute("when", EntryText.when(detail.entry().happenedAt()));
                    model.addAttribute("message", message);
                    model.addAttribute("error", error);
                    return "concern";
                });
            }
            return ledger.raiseConcern(id, message).thenReturn("redirect:/entries/" + safeId(id)
                    + "?concern=raised");
        });
    }

    static Filters filters(MultiValueMap<String, String> params, JsonNode reference) {
        return new Filters(
                known(params.getFirst("organisation"), codes(reference.path("organisations"))),
                known(params.getFirst("purpose"), codes(reference.path("purposes"))),
                EntryKind.of(params.getFirst("kind")).map(k -> k.code).orElse(null),
                known(params.getFirst("period"), PERIODS.keySet()));
    }

    static HistoryQuery query(Filters f, LocalDate today, String cursor) {
        LocalDate from = f.period() == null ? null : switch (f.period()) {
            case "7d" -> today.minusDays(7);
            case "30d" -> today.minusDays(30);
            default -> today.minusMonths(12);
        };
        return new HistoryQuery(f.organisation(), f.purpose(), f.kind(), from, null, cursor, PAGE_SIZE);
    }

    static String link(String path, Filters f, List<String> trail) {
        UriComponentsBuilder u = UriComponentsBuilder.fromPath(path);
        f.addTo(u);
        trail.forEach(c -> u.queryParam("c", c));
        return u.encode().build().toUriString();
    }

    static String liveLink(Filters f, long after) {
        UriComponentsBuilder u = UriComponentsBuilder.fromPath("/entries/live");
        f.addTo(u);
        return u.queryParam("after", after).encode().build().toUriString();
    }

    private static List<FilterOption> options(JsonNode items, String textField) {
        List<FilterOption> options = new ArrayList<>();
        items.forEach(i -> options.add(new FilterOption(i.path("code").asString(""), i.path(textField).path("en").asString(""))));
        options.sort(Comparator.comparing(FilterOption::text));
        return options;
    }

    private static Set<String> codes(JsonNode items) {
        Set<String> codes = new HashSet<>();
        items.forEach(i -> codes.add(i.path("code").asString("")));
        return codes;
    }

    private static String known(String value, Set<String> allowed) {
        return value != null && allowed.contains(value) ? value : null;
    }

    private static List<SummaryRow> policyExceptions(EntryView e) {
        List<SummaryRow> out = new ArrayList<>();
        e.entry().path("policyExceptions").forEach(p -> {
            var label = e.labelOf(p.asString(""));
            out.add(SummaryRow.of(label == null ? p.asString("") : label.label(),
                    label == null ? "" : label.description()));
        });
        return out;
    }

    /**
     * The concern as ledger-api takes it (docs/api.md, "Text"): browsers send a textarea's line
     * breaks as CR LF, ledger-api takes line feeds only, and refuses other control characters, so a
     * pasted tab or the like becomes a space. Stripped; empty when there is none.
     */
    static String concernMessage(String form) {
        if (form == null) {
            return "";
        }
        String lines = form.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder message = new StringBuilder(lines.length());
        lines.chars().forEach(c -> message.append(Character.isISOControl(c) && c != '\n' ? ' ' : (char) c));
        return message.toString().strip();
    }

    /** An id for a redirect: only a UUID's characters, so no header or path can be injected. */
    private static String safeId(String id) {
        return URI.create("/" + id.replaceAll("[^0-9a-fA-F-]", "")).getPath().substring(1);
    }
}
