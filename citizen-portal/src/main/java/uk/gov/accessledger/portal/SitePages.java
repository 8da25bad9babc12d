package uk.gov.accessledger.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages that hold no ledger data. */
@Controller
class SitePages {

    @GetMapping("/")
    String start() {
        return "start";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "accessibility";
    }

    @GetMapping("/cookies")
    String cookies() {
        return "cookies";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
