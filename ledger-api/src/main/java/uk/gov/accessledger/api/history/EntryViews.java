package uk.gov.accessledger.api.history;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.accessledger.api.history.EntryView.Label;
import uk.gov.accessledger.api.projection.LedgerEntryRow;
import uk.gov.accessledger.api.web.PageCursor;
import uk.gov.accessledger.entryformat.EntryInstants;
import uk.gov.accessledger.reference.PolicyException;
import uk.gov.accessledger.reference.ReferenceData;

/**
 * Builds {@link EntryView}s with labels from the reference data. The parsed copy of the entry is a
 * Jackson 3 tree, as Spring's codecs, which write it, are Jackson 3.
 */
@Component
public class EntryViews {

    private final ReferenceData reference;
    private final ObjectMapper mapper = JsonMapper.builder().build();

    EntryViews(ReferenceData reference) {
        this.reference = reference;
    }

    /**
     * A page from rows fetched with one more than {@code limit}: the extra row only says that
     * another page follows, whose {@link PageCursor} holds {@code position} of the page's last row.
     */
    public EntryPage page(List<LedgerEntryRow> rows, int limit, ToLongFunction<LedgerEntryRow> position) {
        boolean more = rows.size() > limit;
        List<LedgerEntryRow> page = more ? rows.subList(0, limit) : rows;
        return new EntryPage(page.stream().map(this::view).toList(),
                more ? PageCursor.encode(position.applyAsLong(page.get(page.size() - 1))) : null);
    }

    public EntryView view(LedgerEntryRow row) {
        JsonNode entry;
        try {
            entry = mapper.readTree(row.canonical());
        } catch (JacksonException e) {
            throw new IllegalStateException("couldn't parse stored entry " + row.entryId(), e);
        }
        Instant recordedAt = instant(entry, "recordedAt", row.recordedAt());
        Instant happenedAt = instant(entry, "occurredAt", instant(entry, "decidedAt", recordedAt));
        return new EntryView(row.entryId(), row.kind(), row.seq(), hex(row.leafHash()), hex(row.prevHash()),
                recordedAt, happenedAt, row.policyException(), row.leafIndex(), entry,
                Base64.getEncoder().encodeToString(row.canonical()), labels(entry));
    }

    /**
     * The instant in the entry's canonical bytes, which are authoritative: a row written before the
     * time bounds can hold a column the database wrapped around. {@code otherwise} when absent.
     */
    private static Instant instant(JsonNode entry, String field, Instant otherwise) {
        JsonNode text = entry.get(field);
        if (text == null || !text.isString()) {
            return otherwise;
        }
        try {
            return EntryInstants.parse(text.stringValue());
        } catch (DateTimeException e) {
            return otherwise;
        }
    }

    private Map<String, Label> labels(JsonNode entry) {
        Map<String, Label> labels = new LinkedHashMap<>();
        for (String field : new String[] {"organisation", "requestingOrganisation", "holdingOrganisation"}) {
            text(entry, field).ifPresent(code -> reference.organisation(code).ifPresent(o ->
                    labels.put(code, new Label(o.name().en(), null, null))));
        }
        text(entry, "service").ifPresent(code -> reference.service(code).ifPresent(s ->
                labels.put(code, new Label(s.name().en(), s.description().en(), null))));
        text(entry, "purpose").ifPresent(code -> reference.purpose(code).ifPresent(p ->
                labels.put(code, new Label(p.label().en(), p.description().en(), null))));
        text(entry, "legalBasis").ifPresent(code -> reference.legalBasis(code).ifPresent(l ->
                labels.put(code, new Label(l.label().en(), l.description().en(), l.legislation().toString()))));
        text(entry, "action").ifPresent(code -> reference.action(code).ifPresent(a ->
                labels.put(code, new Label(a.pastTense().en(), a.description().en(), null))));
        text(entry, "agreement").ifPresent(code -> reference.agreement(code).ifPresent(a ->
                labels.put(code, new Label(a.name().en(), a.description().en(), null))));
        entry.path("dataCategories").forEach(c -> reference.dataCategory(c.asString()).ifPresent(d ->
                labels.put(d.code(), new Label(d.label().en(), d.description().en(), null))));
        entry.path("policyExceptions").forEach(p -> PolicyException.of(p.asString()).ifPresent(e ->
                labels.put(e.code(), new Label(e.label(), e.description(), null))));
        return labels;
    }

    private static Optional<String> text(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        return node != null && node.isString() ? Optional.of(node.stringValue()) : Optional.empty();
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
