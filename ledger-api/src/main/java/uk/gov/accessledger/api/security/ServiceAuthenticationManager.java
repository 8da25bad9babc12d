package uk.gov.accessledger.api.security;

import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import reactor.core.publisher.Mono;
import uk.gov.accessledger.reference.ReferenceData;

/** Checks HTTP Basic credentials of services and operators. */
final class ServiceAuthenticationManager implements ReactiveAuthenticationManager {

    private final ServiceCredentials credentials;
    private final ReferenceData reference;

    ServiceAuthenticationManager(ServiceCredentials credentials, ReferenceData reference) {
        this.credentials = credentials;
        this.reference = reference;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String name = authentication.getName();
        String secret = String.valueOf(authentication.getCredentials());
        return Mono.justOrEmpty(credentials.authenticate(name, secret))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("couldn't authenticate: bad credentials")))
                .map(c -> {
                    if ("operator".equals(c.role())) {
                        return new UsernamePasswordAuthenticationToken(c.name(), null,
                                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.OPERATOR)));
                    }
                    String organisation = reference.service(c.name()).orElseThrow().organisationCode();
                    return new UsernamePasswordAuthenticationToken(new ServicePrincipal(c.name(), organisation),
                            null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.SERVICE)));
                });
    }
}
