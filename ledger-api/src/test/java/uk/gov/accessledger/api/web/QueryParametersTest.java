package uk.gov.accessledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.problem.ProblemType;

class QueryParametersTest {

    private static List<FieldError> errors(QueryParameters query) {
        try {
            query.check();
            return List.of();
        } catch (ProblemException e) {
            assertThat(e.type()).isEqualTo(ProblemType.INVALID_REQUEST);
            return e.errors();
        }
    }

    @Test
    void cursorsRoundTripAndAreBase64urlOfC1AndThePosition() {
        String cursor = PageCursor.encode(42);
        assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII)).isEqualTo("c1:42");
        assertThat(PageCursor.decode(cursor)).isEqualTo(42);
        assertThat(QueryParameters.of(Map.of("cursor", cursor), QueryParameters.PAGE).cursor()).isEqualTo(42L);
    }

    @Test
    void refusesEveryCursorNoPageGaveOut() {
        for (String cursor : List.of("42", "-1", "bm9wZQ", "%%%", enc("c1:-1"), enc("c1:+1"), enc("c1:01"), enc("c2:1"),
                enc("c1:99999999999999999999"), "")) {
            QueryParameters query = QueryParameters.of(Map.of("cursor", cursor), QueryParameters.PAGE);
            assertThat(query.cursor()).as(cursor).isNull();
            assertThat(errors(query)).as(cursor)
                    .containsExactly(FieldError.parameter("cursor", "is not a cursor this API gave out"));
        }
    }

    @Test
    void limitIsTwentyWhenAbsentAndOneToAHundredOtherwise() {
        assertThat(QueryParameters.of(Map.of(), QueryParameters.PAGE).limit()).isEqualTo(20);
        assertThat(QueryParameters.of(Map.of("limit", "100"), QueryParameters.PAGE).limit()).isEqualTo(100);
        QueryParameters zero = QueryParameters.of(Map.of("limit", "0"), QueryParameters.PAGE);
        zero.limit();
        assertThat(errors(zero)).containsExactly(FieldError.parameter("limit", "must be between 1 and 100"));
        QueryParameters word = QueryParameters.of(Map.of("limit", "ten"), QueryParameters.PAGE);
        word.limit();
        assertThat(errors(word)).containsExactly(FieldError.parameter("limit", "must be a whole number"));
    }

    @Test
    void namesUnknownParametersInOrderThenEachWrongOneInTheOrderRead() {
        QueryParameters query = QueryParameters.of(Map.of("zeta", "1", "alpha", "1", "from", "2026-02-30",
                "to", "2026-01-01", "limit", "0"), Set.of("from", "to"), QueryParameters.PAGE);
        query.dayRange(query.day("from"), query.day("to"));
        query.limit();
        assertThat(errors(query)).extracting(FieldError::parameter).containsExactly("alpha", "zeta", "from", "limit");
    }

    @Test
    void aBlankValueCountsAsLeftOutOnlyWhereTheEndpointSaysSo() {
        QueryParameters form = QueryParameters.of(Map.of("from", " "), Set.of("from")).blankAsAbsent(Set.of("from"));
        assertThat(form.day("from")).isNull();
        assertThat(form.valid()).isTrue();
        QueryParameters strict = QueryParameters.of(Map.of("from", ""), Set.of("from"));
        assertThat(strict.day("from")).isNull();
        assertThat(errors(strict)).extracting(FieldError::parameter).containsExactly("from");
    }

    @Test
    void requiredWholeNumbersAreNamedWhenMissingOrMisspelt() {
        QueryParameters query = QueryParameters.of(Map.of("index", "+5"));
        assertThat(query.wholeNumber("index")).isEqualTo(-1);
        assertThat(query.wholeNumber("size")).isEqualTo(-1);
        assertThat(errors(query)).containsExactly(FieldError.parameter("index", "must be a whole number"),
                FieldError.parameter("size", "is required"));
    }

    @Test
    void aCursorOfANegativePositionCannotBeMade() {
        assertThatThrownBy(() -> PageCursor.encode(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String enc(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
