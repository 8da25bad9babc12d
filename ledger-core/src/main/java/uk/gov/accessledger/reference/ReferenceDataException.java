package uk.gov.accessledger.reference;

import java.util.List;

/**
 * Thrown when reference data fails to load or validate. It carries every problem found, each
 * naming the file, the item and what is wrong, such as
 * {@code agreements.yaml: agreement 'dwp-council-hb' names unknown organisation 'foo'}.
 */
public final class ReferenceDataException extends RuntimeException {

    private final String source;
    private final List<String> problems;

    ReferenceDataException(String source, List<String> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** Where the data was read from, such as {@code classpath:reference/}. */
    public String source() {
        return source;
    }

    /** Every problem found, in file order, one line each. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        StringBuilder message = new StringBuilder("couldn't load reference data from ")
                .append(source).append(": ")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        problems.forEach(problem -> message.append(System.lineSeparator()).append("  ").append(problem));
        return message.toString();
    }
}
