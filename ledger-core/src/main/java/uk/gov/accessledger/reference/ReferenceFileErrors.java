package uk.gov.accessledger.reference;

import java.util.ArrayList;
import java.util.List;

/** Collects every error found in the reference files, so the editor can fix them all in one pass. */
final class ReferenceFileErrors {

    private final List<String> messages = new ArrayList<>();

    void add(ReferenceFile file, String message) {
        messages.add(file.fileName() + ": " + message);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    int size() {
        return messages.size();
    }

    List<String> messages() {
        return List.copyOf(messages);
    }
}
