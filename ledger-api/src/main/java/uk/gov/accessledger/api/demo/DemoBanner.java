package uk.gov.accessledger.api.demo;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where to look once the demo is up. Demo secrets only: real secrets are never printed. */
@Component
@Profile("demo")
class DemoBanner {

    private int port;

    @EventListener
    void on(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String base = "http://localhost:" + port;
        StringBuilder citizens = new StringBuilder();
        DemoCitizen.ALL.forEach(c -> citizens.append(String.format("     %-18s NHS number %s%n", c.name(),
                c.nhsNumber())));
        System.out.printf("""

                ==================================================================
                 Access Ledger API (demo profile, embedded H2 database in ./data)
                ==================================================================
                 Health:    %1$s/actuator/health
                 OpenAPI:   %1$s/v3/api-docs   (any credential below)
                 A service records an entry (credentials: <service code>:demo-<service code>):
                   curl -u gp-riverside-patient-record:demo-gp-riverside-patient-record %1$s/api/v1/organisation/entries
                 A citizen reads their history:
                   TOKEN=$(curl -s '%1$s/dev/token?citizen=%2$s' | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                   curl -H "Authorization: Bearer $TOKEN" %1$s/api/v1/me/entries
                 Demo citizens:
                %3$s==================================================================
                """, base, DemoCitizen.ALL.get(0).nhsNumber(), citizens);
    }
}
