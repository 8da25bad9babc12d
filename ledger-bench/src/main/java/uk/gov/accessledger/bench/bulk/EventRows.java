package uk.gov.accessledger.bench.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import uk.gov.accessledger.chain.SubjectChainEvent;

/**
 * The columns of a {@code domain_event_entry} row as ledger-api's Axon JDBC event store writes
 * them: payload and metadata through Axon's {@link JacksonSerializer} with an object mapper set
 * up as Spring Boot sets up the API's (java.time as ISO text, {@code spring.jackson.
 * default-property-inclusion: non_null}), the aggregate type Axon names after the aggregate class,
 * and the timestamp as Axon formats it. BulkLoadSmokeTest checks these bytes against a row the
 * running API wrote. Thread-safe.
 */
final class EventRows {

    /** Axon's aggregate type: the simple name of the aggregate class, SubjectChain. */
    static final String AGGREGATE_TYPE = "SubjectChain";

    private final JacksonSerializer serializer;

    EventRows() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        this.serializer = JacksonSerializer.builder().objectMapper(mapper).build();
    }

    SerializedObject<byte[]> payload(SubjectChainEvent event) {
        return serializer.serialize(event, byte[].class);
    }

    /** The metadata the API's correlation provider copies from the command: the request hash. */
    byte[] metaData(String requestHashHex) {
        return serializer.serialize(MetaData.with("requestHash", requestHashHex), byte[].class).getData();
    }

    <T> T deserialize(SerializedObject<byte[]> serialized) {
        return serializer.deserialize(serialized);
    }

    static String timestamp(Instant instant) {
        return DateTimeUtils.formatInstant(instant);
    }
}
