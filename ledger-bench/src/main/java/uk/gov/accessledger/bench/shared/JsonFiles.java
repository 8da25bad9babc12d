package uk.gov.accessledger.bench.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON files the tools write (load.json, bulkload.json, scale.json, benchmarks.json) and read
 * back, as the records that type them: indented, absent figures left out rather than written as
 * null, and keys a reader does not know ignored, so a report can read files of earlier runs.
 */
public final class JsonFiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonFiles() {
    }

    /** {@code value} as indented JSON, ending in a newline. */
    public static String text(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("couldn't write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getMessage(), e);
        }
    }

    /** Writes {@code value} to {@code file} as {@link #text}. */
    public static void write(Path file, Object value) throws IOException {
        Files.writeString(file, text(value));
    }

    /** Reads {@code file} as a {@code type}. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        return JSON.readValue(file.toFile(), type);
    }
}
