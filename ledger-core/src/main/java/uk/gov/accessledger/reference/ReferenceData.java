package uk.gov.accessledger.reference;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One validated, immutable version of the reference data, with lookups by code and the policy
 * checks that decide whether an event is a policy exception. The ledger records an event whatever
 * these checks say; they only decide whether it is flagged.
 *
 * <p>Load it once at start-up with {@link #loadDefault()}: loading reads and validates every file
 * and throws {@link ReferenceDataException} naming every problem. Instances are safe to share
 * between threads. Lists keep the order of the files.
 */
public final class ReferenceData {

    /** The classpath folder {@link #loadDefault()} reads. */
    public static final String DEFAULT_CLASSPATH_FOLDER = "reference";

    private final String version;
    private final Map<String, Organisation> organisations;
    private final Map<String, Service> services;
    private final Map<String, Purpose> purposes;
    private final Map<String, LegalBasis> legalBases;
    private final Map<String, DataCategory> dataCategories;
    private final Map<String, ProcessingAction> actions;
    private final Map<String, SharingAgreement> agreements;

    ReferenceData(
            String version,
            List<Organisation> organisations,
            List<Service> services,
            List<Purpose> purposes,
            List<LegalBasis> legalBases,
            List<DataCategory> dataCategories,
            List<ProcessingAction> actions,
            List<SharingAgreement> agreements) {
        this.version = version;
        this.organisations = byCode(organisations, Organisation::code);
        this.services = byCode(services, Service::code);
        this.purposes = byCode(purposes, Purpose::code);
        this.legalBases = byCode(legalBases, LegalBasis::code);
        this.dataCategories = byCode(dataCategories, DataCategory::code);
        this.actions = byCode(actions, ProcessingAction::code);
        this.agreements = byCode(agreements, SharingAgreement::code);
    }

    /** Loads and validates the reference data bundled at {@code classpath:reference/}. */
    public static ReferenceData loadDefault() {
        return loadFromClasspath(DEFAULT_CLASSPATH_FOLDER);
    }

    /** Loads and validates the reference data files in a classpath folder, such as {@code "reference"}. */
    public static ReferenceData loadFromClasspath(String folder) {
        requireArgument(folder, "a classpath folder");
        return new ReferenceDataReader(ReferenceSource.classpath(ReferenceData.class.getClassLoader(), folder))
                .read();
    }

    /** Loads and validates the reference data files in {@code directory}, such as a deployment's own set. */
    public static ReferenceData load(Path directory) {
        requireArgument(directory, "a directory");
        return new ReferenceDataReader(ReferenceSource.directory(directory)).read();
    }

    /** The version every ledger entry records, such as {@code 2026-11-25.1}. */
    public String version() {
        return version;
    }

    /** The organisation with this code, if there is one; requires a non-null code. */
    public Optional<Organisation> organisation(String code) {
        return find(organisations, code);
    }

    /** The service with this code, if there is one; requires a non-null code. */
    public Optional<Service> service(String code) {
        return find(services, code);
    }

    /** The purpose with this code, if there is one; requires a non-null code. */
    public Optional<Purpose> purpose(String code) {
        return find(purposes, code);
    }

    /** The legal basis with this code, if there is one; requires a non-null code. */
    public Optional<LegalBasis> legalBasis(String code) {
        return find(legalBases, code);
    }

    /** The data category with this code, if there is one; requires a non-null code. */
    public Optional<DataCategory> dataCategory(String code) {
        return find(dataCategories, code);
    }

    /** The processing action with this code, if there is one; requires a non-null code. */
    public Optional<ProcessingAction> action(String code) {
        return find(actions, code);
    }

    /** The data-sharing agreement with this code, if there is one; requires a non-null code. */
    public Optional<SharingAgreement> agreement(String code) {
        return find(agreements, code);
    }

    /** All the organisations, in file order; the list cannot be changed. */
    public List<Organisation> organisations() {
        return List.copyOf(organisations.values());
    }

    /** All the services, in file order; the list cannot be changed. */
    public List<Service> services() {
        return List.copyOf(services.values());
    }

    /** All the purposes, in file order; the list cannot be changed. */
    public List<Purpose> purposes() {
        return List.copyOf(purposes.values());
    }

    /** All the legal bases, in file order; the list cannot be changed. */
    public List<LegalBasis> legalBases() {
        return List.copyOf(legalBases.values());
    }

    /** All the data categories, in file order; the list cannot be changed. */
    public List<DataCategory> dataCategories() {
        return List.copyOf(dataCategories.values());
    }

    /** All the processing actions, in file order; the list cannot be changed. */
    public List<ProcessingAction> actions() {
        return List.copyOf(actions.values());
    }

    /** All the data-sharing agreements, in file order; the list cannot be changed. */
    public List<SharingAgreement> agreements() {
        return List.copyOf(agreements.values());
    }

    /** The services run by an organisation; empty for an unknown one. Requires a non-null code. */
    public List<Service> servicesOf(String organisationCode) {
        requireArgument(organisationCode, "an organisation code");
        return services.values().stream().filter(s -> s.organisationCode().equals(organisationCode)).toList();
    }

    /**
     * Whether {@code serviceCode} is registered for {@code purposeCode}. False for an unknown service
     * or purpose: an event that fails this check is a policy exception. Requires non-null codes.
     */
    public boolean isPurposeRegistered(String serviceCode, String purposeCode) {
        requireArgument(serviceCode, "a service code");
        requireArgument(purposeCode, "a purpose code");
        Service service = services.get(serviceCode);
        return service != null && service.isRegisteredFor(purposeCode);
    }

    /**
     * The first agreement, in file order, that covers sharing from {@code fromOrganisation} to
     * {@code toOrganisation} for {@code purpose} of every category in {@code categories} on
     * {@code on}: see {@link SharingAgreement#covers}. Empty means a sharing decision is a policy
     * exception. Requires non-null arguments and no null category.
     */
    public Optional<SharingAgreement> agreementCovering(
            String fromOrganisation, String toOrganisation, String purpose, Set<String> categories, LocalDate on) {
        requireArgument(fromOrganisation, "a from-organisation code");
        requireArgument(toOrganisation, "a to-organisation code");
        requireArgument(purpose, "a purpose code");
        requireArgument(categories, "a set of data category codes, possibly empty");
        categories.forEach(category -> requireArgument(category, "non-null data category codes"));
        requireArgument(on, "a date");
        return agreements.values().stream()
                .filter(agreement -> agreement.covers(fromOrganisation, toOrganisation, purpose, categories, on))
                .findFirst();
    }

    private static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(code.apply(item), item));
        return Collections.unmodifiableMap(map);
    }

    private static <T> Optional<T> find(Map<String, T> items, String code) {
        requireArgument(code, "a code");
        return Optional.ofNullable(items.get(code));
    }

    private static void requireArgument(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("requires " + what);
        }
    }
}
