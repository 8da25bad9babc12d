package uk.gov.accessledger.api.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * The demo citizens: made-up people whose NHS numbers pass the check digit but are not real. They
 * come from {@code demo-citizens.csv} at the repository's root, the one list that the development
 * identity provider and run-demo.sh read too, so that a demo citizen who signs in there finds the
 * history this profile's traffic gives them.
 */
record DemoCitizen(String name, String nhsNumber) {

    static final List<DemoCitizen> ALL = read(new ClassPathResource("demo-citizens.csv"));

    /**
     * The citizens of {@code csv}: a header line, then {@code name,nhs_number} per line. Requires
     * every NHS number to be ten digits ending in their check digit.
     */
    static List<DemoCitizen> read(Resource csv) {
        List<String> lines;
        try {
            lines = csv.getContentAsString(StandardCharsets.UTF_8).lines().skip(1).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("couldn't read the demo citizens from " + csv, e);
        }
        List<DemoCitizen> citizens = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split(",");
            String nhsNumber = fields[1];
            if (!nhsNumber.matches("[0-9]{10}") || !withCheckDigit(nhsNumber.substring(0, 9)).equals(nhsNumber)) {
                throw new IllegalArgumentException("couldn't read demo citizen " + fields[0]
                        + ": NHS number " + nhsNumber + " has no valid check digit");
            }
            citizens.add(new DemoCitizen(fields[0], nhsNumber));
        }
        return List.copyOf(citizens);
    }

    /** Appends the NHS modulus-11 check digit; requires nine digits whose check digit is not 10. */
    static String withCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 10) {
            throw new IllegalArgumentException("requires nine digits with a valid check digit: " + nineDigits);
        }
        return nineDigits + (check == 11 ? 0 : check);
    }
}
