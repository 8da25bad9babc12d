package uk.gov.accessledger.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvReader.Row> rows(String csv) throws Exception {
        CsvReader reader = new CsvReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        List<CsvReader.Row> rows = new ArrayList<>();
        for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void readsWhatTheWriterWrites() throws Exception {
        List<String> cells = List.of("plain", "with, comma", "with \"quotes\"", "two\r\nlines", "", "café ✓");
        StringBuilder csv = new StringBuilder();
        CsvRows.append(csv, cells);
        CsvRows.append(csv, List.of("next"));

        List<CsvReader.Row> rows = rows(csv.toString());

        assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(cells, List.of("next"));
        // The second row starts on line 3: the quoted CRLF is a line of the file.
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 3L);
    }

    @Test
    void refusesWhatIsNotStrictRfc4180() {
        assertThatThrownBy(() -> rows("a,b\n")).hasMessage("row ends with LF, want CRLF");
        assertThatThrownBy(() -> rows("a,b")).hasMessage("last row doesn't end with CRLF");
        assertThatThrownBy(() -> rows("a,\"b\r\n")).hasMessage("quoted field is not closed");
        assertThatThrownBy(() -> rows("a,\"b\"c\r\n")).hasMessage("character after a closing quote");
        assertThatThrownBy(() -> rows("a,b\"c\r\n")).hasMessage("quote inside an unquoted field");
        assertThatThrownBy(() -> rows("a\rb\r\n")).hasMessage("CR not followed by LF");
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        assertThatThrownBy(() -> new CsvReader(new ByteArrayInputStream(new byte[] {'a', (byte) 0xff, '\r', '\n'})).next())
                .hasMessage("not UTF-8");
    }
}
