package uk.gov.accessledger.devidp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The demo citizens who can sign in: made-up people with NHS numbers that pass the check digit
 * but are not real. They come from {@code demo-citizens.csv} at the repository's root (a header
 * line, then {@code name,nhs_number} per line), the one list that ledger-api's demo traffic and
 * run-demo.sh read too, so that a demo citizen who signs in finds a history.
 */
record DemoCitizen(String name, String nhsNumber) {

    static final List<DemoCitizen> ALL = read();

    static Optional<DemoCitizen> withNhsNumber(String nhsNumber) {
        return ALL.stream().filter(c -> c.nhsNumber().equals(nhsNumber)).findFirst();
    }

    private static List<DemoCitizen> read() {
        try (InputStream in = DemoCitizen.class.getResourceAsStream("/demo-citizens.csv")) {
            if (in == null) {
                throw new IllegalStateException("couldn't find demo-citizens.csv on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(",")).map(f -> new DemoCitizen(f[0], f[1])).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
