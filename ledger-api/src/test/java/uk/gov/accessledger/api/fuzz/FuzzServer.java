package uk.gov.accessledger.api.fuzz;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.accessledger.api.LedgerApiApplication;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.PostgresDatabase;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;

/**
 * One running ledger per database for the whole test JVM, shared by every fuzz class: started on
 * a random loopback port with the same configuration as {@link ApiTestSupport}'s contexts (real
 * token issuer, random service secrets, random pseudonym key), closed when the JVM exits.
 */
final class FuzzServer {

    enum Database { H2, POSTGRES }

    private static final Map<Database, FuzzServer> RUNNING = new EnumMap<>(Database.class);

    final ConfigurableApplicationContext context;
    final JdbcTemplate jdbc;
    final FuzzHttp http;

    private FuzzServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.http = new FuzzHttp("http://127.0.0.1:" + port);
    }

    static synchronized FuzzServer of(Database database) {
        return RUNNING.computeIfAbsent(database, FuzzServer::start);
    }

    private static FuzzServer start(Database database) {
        LedgerApiApplication.disableAxonUpdateChecker();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("ledger.pseudonym-key", Base64.getEncoder().encodeToString(key));
        properties.put("ledger.service-credentials", TestServices.credentialsFile().toString());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.get().jwksUri());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER);
        properties.put("ledger.log.signing-key-file", ApiTestSupport.freshKeyFile());
        properties.put("ledger.log.origin", ApiTestSupport.LOG_ORIGIN);
        properties.put("server.shutdown", "immediate");
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", "5s");
        if (database == Database.H2) {
            properties.put("spring.datasource.url", "jdbc:h2:mem:fuzz-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        } else {
            properties.put("spring.datasource.url", PostgresDatabase.create());
            properties.put("spring.datasource.username", PostgresDatabase.user());
            properties.put("spring.datasource.password", PostgresDatabase.password());
            properties.put("spring.datasource.hikari.minimum-idle", "2");
        }
        // As command-line arguments: they outrank application.yml (default properties would not).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApiApplication.class)
                .run(arguments);
        return new FuzzServer(context);
    }

    /** Entries in the read model and events in the event store: a rejection changes neither. */
    long[] stored() {
        return new long[] {count("ledger_entry"), count("domain_event_entry")};
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    boolean hasEntry(UUID id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE entry_id = ?", Long.class, id) == 1;
    }
}
