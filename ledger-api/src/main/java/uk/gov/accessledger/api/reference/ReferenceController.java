package uk.gov.accessledger.api.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.accessledger.reference.ReferenceData;

/** {@code GET /api/v1/reference}: every code an entry may use, with its plain-English text. */
@RestController
class ReferenceController {

    private final Map<String, Object> body;

    ReferenceController(ReferenceData reference) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", reference.version());
        map.put("organisations", reference.organisations());
        map.put("services", reference.services());
        map.put("purposes", reference.purposes());
        map.put("legalBases", reference.legalBases());
        map.put("dataCategories", reference.dataCategories());
        map.put("actions", reference.actions());
        map.put("agreements", reference.agreements());
        this.body = Collections.unmodifiableMap(map);
    }

    @GetMapping(path = "/api/v1/reference", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> reference() {
        return body;
    }
}
