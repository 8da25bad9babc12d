package uk.gov.accessledger.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.security.ServicePrincipal;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.chain.AccessDetails;
import uk.gov.accessledger.chain.ConcernDetails;
import uk.gov.accessledger.chain.CorrectionDetails;
import uk.gov.accessledger.chain.EntryDetails;
import uk.gov.accessledger.chain.EntryIds;
import uk.gov.accessledger.chain.EntryKind;
import uk.gov.accessledger.chain.EntryTimes;
import uk.gov.accessledger.chain.SharingDecisionDetails;
import uk.gov.accessledger.reference.PolicyException;
import uk.gov.accessledger.reference.ReferenceData;
import uk.gov.accessledger.subject.CitizenIdentifier;
import uk.gov.accessledger.subject.InvalidIdentifierException;
import uk.gov.accessledger.subject.SubjectPseudonymiser;

/** Turns one entry object of a request into a {@link ParsedEntry}, or field errors. */
@Component
public class EntryRequestParser {

    /** Kinds a service may record; concerns are raised by citizens through their own endpoint. */
    static final List<String> SERVICE_KINDS = List.of(EntryKind.ACCESS.code(), EntryKind.SHARING_DECISION.code(),
            EntryKind.CORRECTION.code());

    /** The longest concern message, in UTF-16 code units. */
    static final int CONCERN_MESSAGE_LENGTH = 2000;

    /** How far in the future an occurred-at time may be, for clock skew between systems. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final ReferenceData reference;
    private final SubjectPseudonymiser pseudonymiser;
    private final Clock clock;

    EntryRequestParser(ReferenceData reference, SubjectPseudonymiser pseudonymiser, Clock clock) {
        this.reference = reference;
        this.pseudonymiser = pseudonymiser;
        this.clock = clock;
    }

    public Optional<ParsedEntry> parse(JsonNode node, String pointer, ServicePrincipal service, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(pointer, "must be a JSON object"));
            return Optional.empty();
        }
        int errorsBefore = errors.size();
        JsonFields f = new JsonFields(node, pointer, errors);
        UUID id = f.uuid("id");
        if (id != null && EntryIds.isLedgerAssigned(id)) {
            f.error("id", "must not be a version 8 UUID: the ledger keeps those for the ids it assigns");
            id = null;
        }
        Optional<EntryKind> kind = EntryKind.of(f.oneOf("kind", true, SERVICE_KINDS));
        String subject = subject(f);
        EntryDetails details = kind.map(k -> switch (k) {
            case ACCESS -> access(f, service);
            case SHARING_DECISION -> sharingDecision(f, service);
            case CORRECTION -> correction(f, service);
            case CONCERN -> null; // not in SERVICE_KINDS: citizens raise concerns through their own endpoint
        }).orElse(null);
        f.rejectUnknown();
        if (errors.size() > errorsBefore || details == null) {
            return Optional.empty();
        }
        byte[] requestHash = RequestFingerprint.of(CanonicalJson.canonicalize(node));
        return Optional.of(new ParsedEntry(id, subject, details, policyExceptions(details), requestHash, pointer));
    }

    /**
     * A citizen's concern about their entry {@code about}: {@code message}, free text of at most
     * {@value #CONCERN_MESSAGE_LENGTH} characters, and an optional {@code idempotencyKey}, a UUID.
     * The ledger assigns the concern's id ({@link EntryIds}): derived from the subject and the key
     * when there is one, so a retry gets the first answer; random otherwise. Requires
     * {@code subject} to be the caller's own.
     */
    Optional<ParsedEntry> parseConcern(JsonNode node, String subject, UUID about, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(FieldError.WHOLE_DOCUMENT, "must be a JSON object"));
            return Optional.empty();
        }
        int errorsBefore = errors.size();
        JsonFields f = new JsonFields(node, "", errors);
        if (node.has("id")) {
            f.error("id", "is assigned by the ledger; send idempotencyKey to make a retry safe");
            f.uuid("id", false);
        }
        int errorsBeforeMessage = errors.size();
        String message = f.prose("message", false, CONCERN_MESSAGE_LENGTH);
        if (message == null && errors.size() == errorsBeforeMessage) {
            f.error("message", "is required: say what you do not recognise");
        }
        UUID key = f.uuid("idempotencyKey", false);
        f.rejectUnknown();
        if (errors.size() > errorsBefore) {
            return Optional.empty();
        }
        UUID id = key == null ? EntryIds.randomConcernId() : EntryIds.concernId(subject, key);
        // The entry the concern is about comes from the path, so it is part of "same content".
        ObjectNode fingerprinted = node.deepCopy();
        fingerprinted.put("about", about.toString());
        byte[] requestHash = RequestFingerprint.of(CanonicalJson.canonicalize(fingerprinted));
        return Optional.of(new ParsedEntry(id, subject, new ConcernDetails(about, message), List.of(), requestHash,
                ""));
    }

    private String subject(JsonFields f) {
        JsonFields s = f.object("subject");
        if (s == null) {
            return null;
        }
        String scheme = s.text("scheme", true, 32);
        String value = s.text("id", true, 32);
        s.rejectUnknown();
        if (scheme == null || value == null) {
            return null;
        }
        try {
            return pseudonymiser.pseudonymOf(CitizenIdentifier.parse(scheme, value));
        } catch (InvalidIdentifierException e) {
            s.error(e.field(), e.problem());
            return null;
        }
    }

    private AccessDetails access(JsonFields f, ServicePrincipal service) {
        String staffRole = f.text("staffRole", true, 100);
        String staffReference = f.text("staffReference", false, 100);
        String action = code(f, "action", reference::action);
        List<String> categories = categories(f);
        String purpose = code(f, "purpose", reference::purpose);
        String legalBasis = code(f, "legalBasis", reference::legalBasis);
        String justification = f.prose("justification", false, 1000);
        String caseReference = f.text("caseReference", false, 100);
        Instant occurredAt = notInFuture(f, "occurredAt");
        boolean emergency = f.bool("emergency");
        boolean bulk = f.bool("bulk");
        LocalDate discloseAfter = f.date("discloseAfter");
        String discloseAfterReason = f.prose("discloseAfterReason", discloseAfter != null, 500);
        if (discloseAfter == null && discloseAfterReason != null) {
            f.error("discloseAfterReason", "is only allowed with discloseAfter");
        }
        if (discloseAfter != null && occurredAt != null
                && !discloseAfter.isAfter(occurredAt.atOffset(ZoneOffset.UTC).toLocalDate())) {
            f.error("discloseAfter", "must be after the date of occurredAt");
        }
        if (staffRole == null || action == null || categories == null || purpose == null || legalBasis == null
                || occurredAt == null) {
            return null;
        }
        return new AccessDetails(service.organisation(), service.service(), staffRole, staffReference, action,
                categories, purpose, legalBasis, justification, caseReference,
                occurredAt.truncatedTo(ChronoUnit.MILLIS), emergency, bulk, discloseAfter, discloseAfterReason);
    }

    private SharingDecisionDetails sharingDecision(JsonFields f, ServicePrincipal service) {
        String requesting = code(f, "requestingOrganisation", reference::organisation);
        String holding = code(f, "holdingOrganisation", reference::organisation);
        List<String> categories = categories(f);
        String purpose = code(f, "purpose", reference::purpose);
        String legalBasis = code(f, "legalBasis", reference::legalBasis);
        String agreement = f.text("agreement", false, 100);
        if (agreement != null && reference.agreement(agreement).isEmpty()) {
            f.error("agreement", "is not a known data-sharing agreement");
        }
        String decision = f.oneOf("decision", true, SharingDecisionDetails.DECISIONS);
        String decidedByRole = f.text("decidedByRole", true, 100);
        Instant decidedAt = notInFuture(f, "decidedAt");
        LocalDate reviewBy = f.date("reviewBy");
        if (requesting != null && holding != null) {
            if (requesting.equals(holding)) {
                f.error("requestingOrganisation", "must differ from holdingOrganisation");
            } else if (!service.organisation().equals(requesting) && !service.organisation().equals(holding)) {
                f.error("holdingOrganisation", "either requestingOrganisation or holdingOrganisation must be "
                        + "your organisation " + service.organisation());
            }
        }
        if (requesting == null || holding == null || categories == null || purpose == null || legalBasis == null
                || decision == null || decidedByRole == null || decidedAt == null) {
            return null;
        }
        return new SharingDecisionDetails(service.organisation(), service.service(), requesting, holding,
                categories, purpose, legalBasis, agreement, decision, decidedByRole,
                decidedAt.truncatedTo(ChronoUnit.MILLIS), reviewBy);
    }

    private CorrectionDetails correction(JsonFields f, ServicePrincipal service) {
        UUID corrects = f.uuid("corrects");
        String mode = f.oneOf("mode", true, CorrectionDetails.MODES);
        String reason = f.prose("reason", true, 1000);
        if (corrects == null || mode == null || reason == null) {
            return null;
        }
        return new CorrectionDetails(service.organisation(), service.service(), corrects, mode, reason);
    }

    private List<String> categories(JsonFields f) {
        List<String> categories = f.texts("dataCategories", 20);
        if (categories == null) {
            return null;
        }
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            if (reference.dataCategory(categories.get(i)).isEmpty()) {
                f.error("dataCategories/" + i, "is not a known data category");
            } else {
                valid.add(categories.get(i));
            }
        }
        return valid.size() == categories.size() ? categories : null;
    }

    private static String code(JsonFields f, String field, Function<String, Optional<?>> lookup) {
        String code = f.text(field, true, 128);
        if (code != null && lookup.apply(code).isEmpty()) {
            f.error(field, "is not a known code (see GET /api/v1/reference)");
            return null;
        }
        return code;
    }

    /** When something happened: from {@link EntryTimes#EARLIEST} to now plus {@link #CLOCK_SKEW}. */
    private Instant notInFuture(JsonFields f, String field) {
        return f.instant(field, true, EntryTimes.EARLIEST, clock.instant().plus(CLOCK_SKEW));
    }

    private List<String> policyExceptions(EntryDetails details) {
        List<String> exceptions = new ArrayList<>();
        if (details instanceof AccessDetails a && !reference.isPurposeRegistered(a.service(), a.purpose())) {
            exceptions.add(PolicyException.PURPOSE_NOT_REGISTERED_FOR_SERVICE.code());
        }
        if (details instanceof SharingDecisionDetails s && "approved".equals(s.decision())) {
            LocalDate on = s.decidedAt().atOffset(ZoneOffset.UTC).toLocalDate();
            Set<String> categories = new HashSet<>(s.dataCategories());
            if (s.agreement() == null) {
                if (reference.agreementCovering(s.holdingOrganisation(), s.requestingOrganisation(), s.purpose(),
                        categories, on).isEmpty()) {
                    exceptions.add(PolicyException.NO_COVERING_AGREEMENT.code());
                }
            } else if (!reference.agreement(s.agreement()).map(a -> a.covers(s.holdingOrganisation(),
                    s.requestingOrganisation(), s.purpose(), categories, on)).orElse(false)) {
                exceptions.add(PolicyException.AGREEMENT_DOES_NOT_COVER.code());
            }
        }
        return exceptions;
    }
}
