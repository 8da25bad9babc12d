package uk.gov.accessledger.portal.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The portal knows ledger-api only through HTTP, so it keeps its own copy of the entry kinds'
 * codes: held here to the list docs/entry-format.md gives for {@code kind}, which ledger-core's
 * EntryKind is held to as well.
 */
class EntryKindTest {

    private static final Path ENTRY_FORMAT = Path.of("..", "docs", "entry-format.md");

    @Test
    void knowsExactlyTheDocumentedKinds() throws IOException {
        String row = Files.readAllLines(ENTRY_FORMAT).stream().filter(l -> l.startsWith("| `kind` |")).findFirst()
                .orElseThrow(() -> new AssertionError("couldn't find the kind row in " + ENTRY_FORMAT));
        String values = row.substring(row.indexOf('|', row.indexOf("| string |") + 1));
        List<String> documented = new ArrayList<>();
        Matcher code = Pattern.compile("`([a-z-]+)`").matcher(values);
        while (code.find()) {
            documented.add(code.group(1));
        }
        assertThat(documented).as(row).isNotEmpty();
        assertThat(Arrays.stream(EntryKind.values()).map(k -> k.code)).containsExactlyElementsOf(documented);
    }

    @Test
    void findsAKindByItsCodeOnly() {
        assertThat(EntryKind.of("sharing-decision")).contains(EntryKind.SHARING_DECISION);
        assertThat(EntryKind.of("Sharing decision")).isEmpty();
        assertThat(EntryKind.of(null)).isEmpty();
        assertThat(EntryText.kindName("something-new")).isEqualTo("something-new");
    }
}
