package uk.gov.accessledger.api.demo;

import java.util.List;

/** The demo citizens: made-up people whose NHS numbers pass the check digit but are not real. */
record DemoCitizen(String name, String nhsNumber) {

    static final List<DemoCitizen> ALL = List.of(
            new DemoCitizen("Amara Okafor", withCheckDigit("943476591")),
            new DemoCitizen("Rhys Llewellyn", withCheckDigit("485777345")),
            new DemoCitizen("Priya Shah", withCheckDigit("401023213")),
            new DemoCitizen("Tom Hughes", withCheckDigit("999000012")),
            new DemoCitizen("Margaret Ellis", withCheckDigit("999000025")),
            new DemoCitizen("Daniel Kowalski", withCheckDigit("999000038")));

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
