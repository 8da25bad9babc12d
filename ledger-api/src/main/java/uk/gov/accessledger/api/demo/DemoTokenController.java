package uk.gov.accessledger.api.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.accessledger.api.config.LedgerProperties;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.problem.ProblemException;

/** {@code GET /dev/token?citizen=N} or {@code ?role=auditor}: a one-hour demo token. Demo profile only. */
@RestController
@Profile("demo")
class DemoTokenController {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private final JwtEncoder encoder;
    private final LedgerProperties properties;
    private final Clock clock;
    /**
     * Each demo citizen's {@code sub}: random, made at start-up, as an identity provider's
     * pairwise identifier is; never the NHS number, which only the citizen claim carries.
     */
    private final Map<String, String> subjects;

    DemoTokenController(JwtEncoder encoder, LedgerProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
        this.subjects = DemoCitizen.ALL.stream()
                .collect(Collectors.toUnmodifiableMap(DemoCitizen::nhsNumber, c -> "demo-citizen-" + UUID.randomUUID()));
    }

    @GetMapping(path = "/dev/token", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> token(@RequestParam(required = false) String citizen,
                              @RequestParam(required = false) String role) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(DemoConfig.ISSUER)
                .audience(List.of(properties.audience())).issuedAt(now).expiresAt(now.plus(LIFETIME));
        if (citizen != null) {
            DemoCitizen who = DemoCitizen.ALL.stream().filter(c -> c.nhsNumber().equals(citizen)).findFirst()
                    .orElseThrow(() -> ProblemException.invalid(List.of(FieldError.parameter("citizen",
                            "must be the NHS number of a demo citizen (listed at start-up)"))));
            claims.subject(subjects.get(who.nhsNumber())).claim(properties.citizenClaim(), who.nhsNumber())
                    .claim("name", who.name());
        } else if ("auditor".equals(role)) {
            claims.subject("demo-auditor").claim(properties.rolesClaim(), List.of("auditor"));
        } else {
            throw ProblemException.invalid(List.of(FieldError.parameter("citizen",
                    "give citizen=<demo NHS number> or role=auditor")));
        }
        String token = encoder.encode(JwtEncoderParameters.from(claims.build())).getTokenValue();
        return Map.of("access_token", token, "token_type", "Bearer", "expires_in", LIFETIME.toSeconds());
    }
}
