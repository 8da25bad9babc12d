package uk.gov.accessledger.portal.history;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * One history row as HTML, from the same template fragment as the page ({@code entry-row :: row}),
 * so a row that arrives live reads exactly like one that was there on load. Thymeleaf escapes every
 * value; the row holds no script.
 */
@Component
class EntryRowHtml {

    private final ITemplateEngine templates;

    EntryRowHtml(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** The row of a newly recorded entry, marked "New". */
    String fresh(EntryRow row) {
        return templates.process("entry-row", Set.of("row"), new Context(Locale.UK, Map.of("r", row, "fresh", true)))
                .strip();
    }
}
