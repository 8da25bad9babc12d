package uk.gov.accessledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The demo profile, which run-demo.sh starts the portal in, listens on loopback only. */
class DemoProfileAddressTest {

    @Test
    void theDemoProfileListensOnLoopbackUnlessPortalAddressIsSet() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("demo", new ClassPathResource("application-demo.yml"))
                .forEach(environment.getPropertySources()::addLast);

        String expected = System.getenv().getOrDefault("PORTAL_ADDRESS", "127.0.0.1");
        assertThat(environment.getProperty("server.address")).isEqualTo(expected);
    }
}
