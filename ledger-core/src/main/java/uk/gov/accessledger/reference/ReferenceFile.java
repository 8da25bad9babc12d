package uk.gov.accessledger.reference;

/**
 * The files that make up one version of the reference data, in the order they are read.
 * Problems are reported in this order too, so messages stay stable between runs.
 */
enum ReferenceFile {
    MANIFEST("manifest.yaml", null, "manifest"),
    ORGANISATIONS("organisations.yaml", "organisations", "organisation"),
    SERVICES("services.yaml", "services", "service"),
    PURPOSES("purposes.yaml", "purposes", "purpose"),
    LEGAL_BASES("legal-bases.yaml", "legal-bases", "legal basis"),
    DATA_CATEGORIES("data-categories.yaml", "data-categories", "data category"),
    ACTIONS("actions.yaml", "actions", "action"),
    AGREEMENTS("agreements.yaml", "agreements", "agreement");

    private final String fileName;
    private final String listField;
    private final String itemNoun;

    ReferenceFile(String fileName, String listField, String itemNoun) {
        this.fileName = fileName;
        this.listField = listField;
        this.itemNoun = itemNoun;
    }

    String fileName() {
        return fileName;
    }

    /** The top-level field holding the list of items; null for the manifest. */
    String listField() {
        return listField;
    }

    /** How messages name one item, such as "agreement". */
    String itemNoun() {
        return itemNoun;
    }
}
