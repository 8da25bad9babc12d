package uk.gov.accessledger.devidp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The authorisation code flow as the portal runs it: PKCE is required, the ID token carries the
 * nonce and the access token carries the ledger audience and the citizen's NHS number; the
 * {@code sub} of both is pairwise, never the NHS number.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorizationCodeFlowTest {

    private static final String REDIRECT = "http://localhost:8081/login/oauth2/code/ledger";
    private static final String VERIFIER = "dBjftJeZ4CVP-mJ92K9xsXkzJfkUgqA1HQtvXKWQu0w";

    @Autowired
    MockMvc mvc;

    @Autowired
    ServerProperties server;

    @Autowired
    DevIdpProperties properties;

    /**
     * A session signed in through the sign-in form, as a browser gets one: Spring Security 7 records
     * when the password was checked, and the provider needs that time for the ID token's auth_time.
     */
    private MockHttpSession signedIn(String nhsNumber) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(nhsNumber).password(properties.password()))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
    }

    @Test
    void refusesAnAuthorisationRequestWithoutPkce() throws Exception {
        String location = mvc.perform(get("/oauth2/authorize").queryParam("response_type", "code")
                        .queryParam("client_id", "citizen-portal").queryParam("redirect_uri", REDIRECT)
                        .queryParam("scope", "openid").queryParam("state", "s1")
                        .session(signedIn("9434765919")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var query = UriComponentsBuilder.fromUriString(location).build().getQueryParams();
        assertThat(query.getFirst("error")).isEqualTo("invalid_request");
        assertThat(query.get("code")).isNull();
    }

    @Test
    void issuesTokensForTheLedgerWithTheCitizensNhsNumberAndTheNonce() throws Exception {
        JsonNode tokens = signIn("9434765919");

        JWTClaimsSet access = SignedJWT.parse(tokens.get("access_token").asString()).getJWTClaimsSet();
        assertThat(access.getAudience()).contains("access-ledger");
        assertThat(access.getStringClaim("nhs_number")).isEqualTo("9434765919");
        JWTClaimsSet id = SignedJWT.parse(tokens.get("id_token").asString()).getJWTClaimsSet();
        assertThat(id.getStringClaim("nonce")).isEqualTo("n-0S6_WzA2Mj");
        assertThat(id.getStringClaim("name")).isEqualTo("Amara Okafor");
        assertThat(id.getClaim("nhs_number")).as("the NHS number goes only to the ledger").isNull();
    }

    @Test
    void givesACitizenAPairwiseSubThatIsNotTheirNhsNumber() throws Exception {
        JsonNode tokens = signIn("9434765919");
        JWTClaimsSet access = SignedJWT.parse(tokens.get("access_token").asString()).getJWTClaimsSet();
        JWTClaimsSet id = SignedJWT.parse(tokens.get("id_token").asString()).getJWTClaimsSet();

        assertThat(id.getSubject()).doesNotContain("9434765919").matches("[A-Za-z0-9_-]{43}");
        assertThat(access.getSubject()).isEqualTo(id.getSubject());
        assertThat(access.getStringClaim("nhs_number")).isEqualTo("9434765919");
        // Stable for the citizen while the provider runs; another citizen's differs.
        assertThat(SignedJWT.parse(signIn("9434765919").get("id_token").asString()).getJWTClaimsSet().getSubject())
                .isEqualTo(id.getSubject());
        assertThat(SignedJWT.parse(signIn("4857773457").get("id_token").asString()).getJWTClaimsSet().getSubject())
                .isNotEqualTo(id.getSubject()).doesNotContain("4857773457");
        // The UserInfo endpoint, which the portal's sign-in reads and checks against the ID token.
        JsonNode userInfo = new ObjectMapper().readTree(mvc.perform(get("/userinfo")
                        .header("Authorization", "Bearer " + tokens.get("access_token").asString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(userInfo.get("sub").asString()).isEqualTo(id.getSubject());
        assertThat(userInfo.toString()).doesNotContain("9434765919");
    }

    @Test
    void listensOnLoopbackOnlyByDefault() throws Exception {
        assertThat(server.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
    }

    /** The authorisation code flow with PKCE for {@code nhsNumber}; returns the token response. */
    private JsonNode signIn(String nhsNumber) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
        String location = mvc.perform(get("/oauth2/authorize").queryParam("response_type", "code")
                        .queryParam("client_id", "citizen-portal").queryParam("redirect_uri", REDIRECT)
                        .queryParam("scope", "openid profile").queryParam("state", "s2")
                        .queryParam("nonce", "n-0S6_WzA2Mj").queryParam("code_challenge", challenge)
                        .queryParam("code_challenge_method", "S256")
                        .session(signedIn(nhsNumber)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String code = UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("code");
        assertThat(location).startsWith(REDIRECT);
        assertThat(code).isNotBlank();

        String body = mvc.perform(post("/oauth2/token").param("grant_type", "authorization_code")
                        .param("code", code).param("redirect_uri", REDIRECT).param("code_verifier", VERIFIER)
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "citizen-portal:demo-portal-secret".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return new ObjectMapper().readTree(body);
    }

    @Test
    void refusesACodeExchangeWithTheWrongVerifier() throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
        String location = mvc.perform(get("/oauth2/authorize").queryParam("response_type", "code")
                        .queryParam("client_id", "citizen-portal").queryParam("redirect_uri", REDIRECT)
                        .queryParam("scope", "openid").queryParam("state", "s3")
                        .queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256")
                        .session(signedIn("4010232137")))
                .andReturn().getResponse().getRedirectedUrl();
        String code = UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("code");
        mvc.perform(post("/oauth2/token").param("grant_type", "authorization_code")
                        .param("code", code).param("redirect_uri", REDIRECT)
                        .param("code_verifier", VERIFIER.replace('d', 'e'))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "citizen-portal:demo-portal-secret".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest());
    }

    @Test
    void servesTheDiscoveryDocumentAndASignInFormListingTheDemoCitizens() throws Exception {
        String discovery = mvc.perform(get("/.well-known/openid-configuration")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(new ObjectMapper().readTree(discovery).get("jwks_uri").asString()).endsWith("/oauth2/jwks");
        String login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        DemoCitizen.ALL.forEach(c -> assertThat(login).contains(c.name()).contains(c.nhsNumber()));
    }
}
