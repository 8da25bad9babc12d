package uk.gov.accessledger.reference;

/**
 * An organisation's entry on the ICO register of data protection fee payers.
 *
 * @param number  the registration number, such as ZA123456; requires the ICO's shape
 * @param example true when the number is made up for demonstration and is not on the register
 */
public record IcoRegistration(String number, boolean example) {

    public IcoRegistration {
        CodePatterns.require(CodePatterns.ICO_REGISTRATION_NUMBER, number, "an ICO registration number");
    }
}
