package uk.gov.accessledger.devidp;

import java.util.List;
import java.util.Optional;

/**
 * The demo citizens who can sign in. The same made-up people and NHS numbers as ledger-api's demo
 * traffic ({@code uk.gov.accessledger.api.demo.DemoCitizen}), so that a demo citizen who signs in
 * finds a history; the portal's browser test fails if the two lists drift apart.
 */
record DemoCitizen(String name, String nhsNumber) {

    static final List<DemoCitizen> ALL = List.of(
            new DemoCitizen("Amara Okafor", "9434765919"),
            new DemoCitizen("Rhys Llewellyn", "4857773457"),
            new DemoCitizen("Priya Shah", "4010232137"),
            new DemoCitizen("Tom Hughes", "9990000123"),
            new DemoCitizen("Margaret Ellis", "9990000255"),
            new DemoCitizen("Daniel Kowalski", "9990000387"));

    static Optional<DemoCitizen> withNhsNumber(String nhsNumber) {
        return ALL.stream().filter(c -> c.nhsNumber().equals(nhsNumber)).findFirst();
    }
}
