package uk.gov.accessledger.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.gov.accessledger.logformat.LogFormatException;
import uk.gov.accessledger.logformat.NoteVerifier;

/** A command's positional arguments and {@code --name value} (or {@code --name=value}) options. */
final class Arguments {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    /**
     * @param args the arguments after the command name
     * @param allowed the option names the command takes, without {@code --}
     * @throws UsageException for an unknown option, a missing value or a repeated option
     */
    Arguments(List<String> args, Set<String> allowed) throws UsageException {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            if (options.put(name, value) != null) {
                throw new UsageException("--" + name + " given twice");
            }
        }
    }

    /** The one positional argument, named {@code what} in errors. */
    String single(String what) throws UsageException {
        if (positional.size() != 1) {
            throw new UsageException(positional.isEmpty() ? "missing " + what
                    : "want one " + what + ", got " + positional.size() + " arguments: " + String.join(" ", positional));
        }
        return positional.get(0);
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /**
     * The trusted log key from {@code --key}: a verifier key string
     * {@code <origin>+<key ID>+<public key>}, or a file whose first line is one (such as a saved
     * copy of the log's {@code /log/key}).
     */
    NoteVerifier key() throws UsageException {
        String value = options.get("key");
        if (value == null) {
            throw new UsageException("missing --key: the log's verifier key (or a file holding it), obtained out of band");
        }
        try {
            return NoteVerifier.parse(value.strip());
        } catch (LogFormatException notAKey) {
            Path file = Path.of(value);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("--key is neither a verifier key (" + notAKey.getMessage() + ") nor a file");
            }
            String line;
            try {
                line = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new UsageException("couldn't read --key file " + file + ": " + e.getMessage());
            }
            try {
                return NoteVerifier.parse(line);
            } catch (LogFormatException e) {
                throw new UsageException("--key file " + file + " doesn't hold a verifier key: " + e.getMessage());
            }
        }
    }
}
