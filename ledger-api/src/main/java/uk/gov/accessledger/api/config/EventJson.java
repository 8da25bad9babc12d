package uk.gov.accessledger.api.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * The Jackson 2 mapper that writes and reads the stored events (Axon's {@code jackson} serializer
 * takes the one {@link ObjectMapper} bean) and the problems written outside Spring's codecs.
 *
 * <p>Release 0.1 ran on Spring Boot 3.5, whose auto-configured mapper Axon used. Spring Boot 4
 * configures Jackson 3 only, and without this bean Axon would build a mapper with Jackson's own
 * defaults, which write times as numbers and null fields: events would be stored differently from
 * those already written. So this is Boot 3.5's mapper, setting by setting: java.time support, times
 * as RFC 3339 text, null fields left out ({@code spring.jackson.default-property-inclusion:
 * non_null} in 0.1), unknown properties ignored, no default view inclusion, and Spring's mix-in
 * that writes a problem's extra properties at its top level. {@code PreviousReleaseDatabaseTest}
 * checks that it reads every event of release 0.1 and writes it back byte for byte.
 */
@Configuration(proxyBeanMethods = false)
class EventJson {

    @Bean
    ObjectMapper eventObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .build();
    }
}
