package uk.gov.accessledger.reference;

import java.util.Arrays;
import java.util.Optional;

/** Which part of the law a legal basis comes from. */
public enum LegalBasisKind {
    /** A lawful basis in UK GDPR Article 6(1). */
    UK_GDPR_ARTICLE_6("uk-gdpr-article-6"),
    /** A condition for special category data in UK GDPR Article 9(2). */
    UK_GDPR_ARTICLE_9("uk-gdpr-article-9"),
    /** A condition in Data Protection Act 2018 Schedule 1, which Article 10 requires for criminal offence data. */
    DPA_2018_SCHEDULE_1("dpa-2018-schedule-1"),
    /** Law enforcement processing by a competent authority, Data Protection Act 2018 Part 3. */
    DPA_2018_PART_3("dpa-2018-part-3"),
    /** An Act of Parliament that allows or requires the sharing, such as Digital Economy Act 2017 s.35. */
    STATUTORY_GATEWAY("statutory-gateway");

    private final String code;

    LegalBasisKind(String code) {
        this.code = code;
    }

    /** The code used in the YAML files, such as {@code uk-gdpr-article-6}. */
    public String code() {
        return code;
    }

    /** Returns the kind whose {@link #code()} is {@code code}, if any. */
    public static Optional<LegalBasisKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
