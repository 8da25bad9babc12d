package uk.gov.accessledger.api.security;

import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import uk.gov.accessledger.api.config.LedgerProperties;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.problem.ProblemType;
import uk.gov.accessledger.subject.CitizenIdentifier;
import uk.gov.accessledger.subject.InvalidIdentifierException;
import uk.gov.accessledger.subject.SubjectPseudonymiser;

/** The subject pseudonym of a signed-in citizen, taken only from their verified token. */
@Component
public class CitizenSubjects {

    private final LedgerProperties properties;
    private final SubjectPseudonymiser pseudonymiser;

    CitizenSubjects(LedgerProperties properties, SubjectPseudonymiser pseudonymiser) {
        this.properties = properties;
        this.pseudonymiser = pseudonymiser;
    }

    public String subjectOf(Jwt token) {
        String claim = token.getClaimAsString(properties.citizenClaim());
        try {
            return pseudonymiser.pseudonymOf(CitizenIdentifier.parse(properties.citizenScheme(), claim));
        } catch (InvalidIdentifierException e) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "your sign-in token does not carry a valid " + properties.citizenScheme(), List.of());
        }
    }
}
