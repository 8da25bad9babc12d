package uk.gov.accessledger.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where the reference data files are read from: a directory or a classpath folder. */
interface ReferenceSource {

    /** Names the source in error messages. */
    String describe();

    /** Opens {@code fileName}, or returns null when the source has no such file. */
    InputStream open(String fileName) throws IOException;

    static ReferenceSource directory(Path directory) {
        return new ReferenceSource() {
            @Override
            public String describe() {
                return directory.toString();
            }

            @Override
            public InputStream open(String fileName) throws IOException {
                try {
                    return Files.newInputStream(directory.resolve(fileName));
                } catch (NoSuchFileException e) {
                    return null;
                }
            }
        };
    }

    static ReferenceSource classpath(ClassLoader loader, String folder) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        return new ReferenceSource() {
            @Override
            public String describe() {
                return "classpath:" + prefix;
            }

            @Override
            public InputStream open(String fileName) {
                return loader.getResourceAsStream(prefix + fileName);
            }
        };
    }
}
