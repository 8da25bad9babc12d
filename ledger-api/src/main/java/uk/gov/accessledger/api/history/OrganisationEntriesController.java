package uk.gov.accessledger.api.history;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import uk.gov.accessledger.api.config.WorkerThreads;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.projection.HistoryFilter;
import uk.gov.accessledger.api.projection.LedgerEntries;
import uk.gov.accessledger.api.projection.LedgerEntryRow;
import uk.gov.accessledger.api.security.ServicePrincipal;

/** The entries a service's own organisation recorded, newest first. */
@RestController
class OrganisationEntriesController {

    private final LedgerEntries entries;
    private final EntryViews views;

    OrganisationEntriesController(LedgerEntries entries, EntryViews views) {
        this.entries = entries;
        this.views = views;
    }

    @GetMapping(path = "/api/v1/organisation/entries", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<EntryPage> recorded(@AuthenticationPrincipal ServicePrincipal service,
                             @RequestParam Map<String, String> params) {
        HistoryQuery.ListQuery query = HistoryQuery.parse(params);
        HistoryFilter f = query.filter();
        if (f.organisation() != null && !f.organisation().equals(service.organisation())) {
            throw ProblemException.invalid(List.of(FieldError.parameter("organisation",
                    "must be your own organisation " + service.organisation() + " or left out")));
        }
        return WorkerThreads.call(() -> {
            HistoryFilter own = HistoryFilter.of(service.organisation(), f.purpose(), f.action(), f.kind(), f.from(),
                    f.to());
            List<LedgerEntryRow> rows = entries.matching(own, query.cursor(), query.limit() + 1);
            return views.page(rows, query.limit(), LedgerEntryRow::rowId);
        });
    }
}
