package uk.gov.accessledger.portal.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The concern form's text becomes what ledger-api takes: line feeds, no other control characters. */
class ConcernMessageTest {

    @Test
    void turnsABrowsersLineBreaksIntoLineFeeds() {
        assertThat(HistoryController.concernMessage("I was not there.\r\nNot that day.\rNor after."))
                .isEqualTo("I was not there.\nNot that day.\nNor after.");
    }

    @Test
    void turnsOtherControlCharactersIntoSpacesAndStrips() {
        assertThat(HistoryController.concernMessage("\tnot\u0000me\u0085 \u007f")).isEqualTo("not me");
    }

    @Test
    void treatsAMissingFieldAsEmpty() {
        assertThat(HistoryController.concernMessage(null)).isEmpty();
    }
}
