package uk.gov.accessledger.reference;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Reads the reference data files from a source into records, collecting every problem rather than
 * stopping at the first, then hands the records to {@link CrossReferences} for the checks that
 * span files.
 *
 * <p>An item with any problem is left out of the result but its code still counts as declared, so
 * a typo in one organisation is reported once, not again by every service and agreement naming it.
 */
final class ReferenceDataReader {

    // A duplicated key in a YAML mapping is an editing mistake, never intended: fail on it.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final ReferenceSource source;
    private final ReferenceFileErrors problems = new ReferenceFileErrors();
    private final Map<ReferenceFile, Set<String>> declared = new EnumMap<>(ReferenceFile.class);

    ReferenceDataReader(ReferenceSource source) {
        this.source = source;
    }

    /** Reads and validates everything; throws ReferenceDataException listing every problem. */
    ReferenceData read() {
        String version = readVersion();
        List<Organisation> organisations =
                readList(ReferenceFile.ORGANISATIONS, CodePatterns.Shape.KEBAB_CASE, this::organisation);
        List<Service> services = readList(ReferenceFile.SERVICES, CodePatterns.Shape.KEBAB_CASE, this::service);
        List<Purpose> purposes = readList(ReferenceFile.PURPOSES, CodePatterns.Shape.PURPOSE, this::purpose);
        List<LegalBasis> legalBases =
                readList(ReferenceFile.LEGAL_BASES, CodePatterns.Shape.LEGAL_BASIS, this::legalBasis);
        List<DataCategory> dataCategories =
                readList(ReferenceFile.DATA_CATEGORIES, CodePatterns.Shape.DATA_CATEGORY, this::dataCategory);
        List<ProcessingAction> actions = readList(ReferenceFile.ACTIONS, CodePatterns.Shape.ACTION, this::action);
        List<SharingAgreement> agreements =
                readList(ReferenceFile.AGREEMENTS, CodePatterns.Shape.KEBAB_CASE, this::agreement);

        new CrossReferences(declared, legalBases, dataCategories, problems).check(services, agreements);
        if (!problems.isEmpty()) {
            throw new ReferenceDataException(source.describe(), problems.messages());
        }
        return new ReferenceData(
                version, organisations, services, purposes, legalBases, dataCategories, actions, agreements);
    }

    private String readVersion() {
        JsonNode root = parse(ReferenceFile.MANIFEST, "a top-level mapping holding 'version'");
        if (root == null) {
            return null;
        }
        if (!root.isObject()) {
            problems.add(ReferenceFile.MANIFEST,
                    "has a top-level " + YamlItem.typeOf(root) + ", want a top-level mapping holding 'version'");
            return null;
        }
        YamlItem manifest = YamlItem.document(ReferenceFile.MANIFEST, root, problems);
        String version = manifest.text("version");
        if (version != null && !isVersion(version)) {
            manifest.report("has 'version' '" + version + "', want the publication date and release number, like '"
                    + CodePatterns.VERSION_EXAMPLE + "'");
        }
        return manifest.finish() ? version : null;
    }

    private static boolean isVersion(String version) {
        Matcher matcher = CodePatterns.VERSION.matcher(version);
        if (!matcher.matches()) {
            return false;
        }
        try {
            LocalDate.parse(matcher.group(1));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private <T> List<T> readList(
            ReferenceFile file, CodePatterns.Shape codeShape, BiFunction<YamlItem, String, T> parser) {
        JsonNode list = topLevelList(file);
        if (list == null) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        declared.put(file, codes);
        List<T> items = new ArrayList<>();
        Map<String, Integer> firstPositions = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            int position = i + 1;
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                problems.add(file, file.itemNoun() + " #" + position + " is " + YamlItem.typeOf(node)
                        + ", want a mapping");
                continue;
            }
            YamlItem item = YamlItem.listItem(file, position, node, problems);
            String code = item.code(codeShape);
            if (code != null) {
                Integer first = firstPositions.putIfAbsent(code, position);
                if (first != null) {
                    item.report("is defined more than once, at #" + first + " and #" + position);
                }
                codes.add(code);
            }
            T parsed = parser.apply(item, code);
            if (parsed != null) {
                items.add(parsed);
            }
        }
        return items;
    }

    private JsonNode topLevelList(ReferenceFile file) {
        String want = "a top-level mapping holding the '" + file.listField() + "' list";
        JsonNode root = parse(file, want);
        if (root == null) {
            return null;
        }
        if (!root.isObject()) {
            problems.add(file, "has a top-level " + YamlItem.typeOf(root) + ", want " + want);
            return null;
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(file.listField())) {
                problems.add(file, "has unknown top-level field '" + name + "'");
            }
        }
        JsonNode list = root.get(file.listField());
        if (list == null || list.isNull()) {
            problems.add(file, "is missing the top-level '" + file.listField() + "' list");
            return null;
        }
        if (!list.isArray()) {
            problems.add(file, "has '" + file.listField() + "' of type " + YamlItem.typeOf(list) + ", want a list");
            return null;
        }
        return list;
    }

    private JsonNode parse(ReferenceFile file, String want) {
        try (InputStream in = source.open(file.fileName())) {
            if (in == null) {
                problems.add(file, "couldn't read: no such file in " + source.describe());
                return null;
            }
            JsonNode root = YAML.readTree(in);
            if (root == null || root.isMissingNode() || root.isNull()) {
                problems.add(file, "is empty, want " + want);
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            problems.add(file, "couldn't parse YAML" + where + ": " + parserMessage(e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(file, "couldn't read: " + e.getMessage());
        }
        return null;
    }

    /**
     * SnakeYAML messages repeat the location and quote the source under a caret on indented lines;
     * keep the unindented ones, which say what the parser was doing and what it found.
     */
    private static String parserMessage(String message) {
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::strip)
                .collect(Collectors.joining("; "));
    }

    private Organisation organisation(YamlItem item, String code) {
        LocalisedText name = item.localised("name");
        OrganisationType type = item.choice("type", OrganisationType::fromCode,
                Arrays.stream(OrganisationType.values()).map(OrganisationType::code).toList());
        YamlItem ico = item.object("ico-registration");
        String number = ico == null ? null : ico.code("number", CodePatterns.Shape.ICO_REGISTRATION_NUMBER);
        Boolean example = ico == null ? null : ico.bool("example");
        return item.finish() ? new Organisation(code, name, type, new IcoRegistration(number, example)) : null;
    }

    private Service service(YamlItem item, String code) {
        String organisation = item.code("organisation", CodePatterns.Shape.KEBAB_CASE);
        LocalisedText name = item.localised("name");
        LocalisedText description = item.localised("description");
        List<String> purposes = item.codes("purposes", CodePatterns.Shape.PURPOSE);
        return item.finish() ? new Service(code, organisation, name, description, purposes) : null;
    }

    private Purpose purpose(YamlItem item, String code) {
        LocalisedText label = item.localised("label");
        LocalisedText description = item.localised("description");
        return item.finish() ? new Purpose(code, label, description) : null;
    }

    private LegalBasis legalBasis(YamlItem item, String code) {
        LegalBasisKind kind = item.choice("kind", LegalBasisKind::fromCode,
                Arrays.stream(LegalBasisKind.values()).map(LegalBasisKind::code).toList());
        LocalisedText label = item.localised("label");
        LocalisedText description = item.localised("description");
        var legislation = item.httpsUrl("legislation");
        return item.finish() ? new LegalBasis(code, kind, label, description, legislation) : null;
    }

    private DataCategory dataCategory(YamlItem item, String code) {
        LocalisedText label = item.localised("label");
        LocalisedText description = item.localised("description");
        Boolean special = item.bool("special");
        Boolean criminal = item.bool("criminal");
        return item.finish() ? new DataCategory(code, label, description, special, criminal) : null;
    }

    private ProcessingAction action(YamlItem item, String code) {
        LocalisedText label = item.localised("label");
        LocalisedText pastTense = item.localised("past-tense");
        LocalisedText description = item.localised("description");
        return item.finish() ? new ProcessingAction(code, label, pastTense, description) : null;
    }

    private SharingAgreement agreement(YamlItem item, String code) {
        LocalisedText name = item.localised("name");
        LocalisedText description = item.localised("description");
        String from = item.code("from", CodePatterns.Shape.KEBAB_CASE);
        String to = item.code("to", CodePatterns.Shape.KEBAB_CASE);
        List<String> purposes = item.codes("purposes", CodePatterns.Shape.PURPOSE);
        List<String> legalBases = item.codes("legal-bases", CodePatterns.Shape.LEGAL_BASIS);
        List<String> categories = item.codes("data-categories", CodePatterns.Shape.DATA_CATEGORY);
        LocalDate validFrom = item.date("valid-from");
        Optional<LocalDate> validTo = item.optionalDate("valid-to");
        RegisterEntry register = registerEntry(item.object("register"));
        if (from != null && from.equals(to)) {
            item.report("has the same organisation '" + from + "' in 'from' and 'to'");
        }
        if (validFrom != null && validTo.isPresent() && !validTo.get().isAfter(validFrom)) {
            item.report("has 'valid-to' " + validTo.get() + " not after 'valid-from' " + validFrom);
        }
        return item.finish()
                ? new SharingAgreement(code, name, description, from, to, purposes, legalBases, categories,
                        validFrom, validTo, register)
                : null;
    }

    private static RegisterEntry registerEntry(YamlItem register) {
        if (register == null) {
            return null;
        }
        String name = register.text("name");
        String reference = register.text("reference");
        var url = register.optionalHttpsUrl("url");
        Boolean example = register.bool("example");
        return name == null || reference == null || example == null
                ? null
                : new RegisterEntry(name, reference, url, example);
    }
}
