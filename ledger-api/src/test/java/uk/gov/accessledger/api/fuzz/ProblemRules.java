package uk.gov.accessledger.api.fuzz;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import uk.gov.accessledger.api.fuzz.FuzzHttp.Answer;
import uk.gov.accessledger.api.fuzz.FuzzHttp.Request;
import uk.gov.accessledger.api.problem.ProblemType;

/**
 * The rules every answer keeps, whatever was sent (docs/api.md): an answer within
 * {@link FuzzHttp#NO_ANSWER}; never 5xx; every 4xx an RFC 9457 problem of a documented type with
 * its documented status; every {@code errors[].pointer} a valid RFC 6901 pointer that resolves in
 * the request body (a missing member is named inside its parent object); every
 * {@code errors[].parameter} one the request sent; no Java class names.
 */
final class ProblemRules {

    /** Documented problem types and their statuses. */
    static final Map<String, Integer> TYPES = new HashMap<>();

    static {
        for (ProblemType type : ProblemType.values()) {
            TYPES.put(type.type().toString(), type.status().value());
        }
    }

    /** RFC 6901 section 3: "" or a sequence of "/" reference-tokens, "~" only as "~0" or "~1". */
    private static final Pattern POINTER = Pattern.compile("(/([^~/]|~[01])*)*");
    /** A Java package-qualified name, or an exception's simple name. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "(?<![\\w.$-])(?:com|org|java|javax|jakarta|sun|jdk|io|reactor|net)\\.[a-z_$][\\w$]*\\.[\\w$.]+"
                    + "|\\w*Exception\\b|\\w*Error\\b(?!s)|\\bat [\\w$.]+\\(");

    private ProblemRules() {
    }

    static String type(ProblemType type) {
        return type.type().toString();
    }

    /**
     * The rules {@code answer} breaks; {@code document} is the request body parsed as JSON, or
     * null when the body is not JSON (then pointers are only checked for syntax).
     */
    static List<String> check(Request request, JsonNode document, Answer answer) {
        List<String> broken = new ArrayList<>();
        if (answer.status() == -1) {
            int before = Integer.parseInt(answer.text());
            broken.add((before >= 400 ? "no-answer-after-error" : "no-answer") + ": nothing within "
                    + FuzzHttp.NO_ANSWER.toSeconds() + " s; this client's answer before was " + before);
            return broken;
        }
        if (answer.status() == -2) {
            broken.add("connection-closed: no answer, " + answer.text());
            return broken;
        }
        if (answer.status() >= 500) {
            broken.add("5xx: status " + answer.status());
        }
        if (answer.status() >= 400) {
            problem(request, document, answer, broken);
        }
        return broken;
    }

    private static void problem(Request request, JsonNode document, Answer answer, List<String> broken) {
        String contentType = answer.contentType();
        if (!isProblemJson(contentType)) {
            broken.add("not-problem-json: status " + answer.status() + " with Content-Type " + contentType
                    + (answer.body().length == 0 ? " and an empty body" : ""));
        }
        classNames(request, answer, broken);
        JsonNode body = answer.json();
        if (body == null || !body.isObject()) {
            if (isProblemJson(contentType)) {
                broken.add("problem-not-json: the body is not a JSON object");
            }
            return;
        }
        JsonNode type = body.get("type");
        if (type == null || !type.isString() || type.stringValue().isBlank()) {
            broken.add("problem-without-type: status " + answer.status());
        } else if (!TYPES.containsKey(type.stringValue())) {
            broken.add("undocumented-problem-type: " + type.stringValue());
        } else if (TYPES.get(type.stringValue()) != answer.status()) {
            broken.add("type-status-mismatch: " + type.stringValue() + " with status " + answer.status());
        }
        if (body.has("status") && body.get("status").asInt() != answer.status()) {
            broken.add("status-member-mismatch: status member " + body.get("status") + ", HTTP " + answer.status());
        }
        for (JsonNode error : body.path("errors")) {
            String detail = error.path("detail").asText("");
            if (error.hasNonNull("pointer")) {
                pointer(error.get("pointer").asString(""), detail, document, broken);
            }
            if (error.hasNonNull("parameter")) {
                String name = error.get("parameter").asString("");
                if (!parameterNames(request).contains(name) && request.header(name).isEmpty()
                        && !detail.contains("required")) {
                    broken.add("parameter-not-sent: errors name parameter '" + name + "' that was not sent");
                }
            }
        }
    }

    static boolean isProblemJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype()
                    && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static void pointer(String pointer, String detail, JsonNode document, List<String> broken) {
        if (!POINTER.matcher(pointer).matches()) {
            broken.add("pointer-syntax: '" + pointer + "' is not an RFC 6901 pointer");
            return;
        }
        if (document == null) {
            return;
        }
        if (pointer.isEmpty()) {
            return; // the whole document
        }
        JsonPointer compiled = JsonPointer.compile(pointer);
        if (!document.at(compiled).isMissingNode()) {
            return;
        }
        if (pointer.equals("/")) {
            broken.add("pointer-root-slash: '/' names the member \"\" (RFC 6901); the whole document is ''"
                    + " (" + detail + ")");
            return;
        }
        if (document.at(compiled.head()).isObject()) {
            return; // a missing member is named where it belongs
        }
        broken.add("pointer-unresolved: '" + pointer + "' does not resolve in the request (" + detail + ")");
    }

    /** Package-qualified names and exception names, unless the request itself sent them. */
    private static void classNames(Request request, Answer answer, List<String> broken) {
        String echoable = request.echoable();
        Matcher m = CLASS_NAME.matcher(answer.text());
        while (m.find()) {
            if (!echoable.contains(m.group())) {
                broken.add("class-name: the answer names '" + m.group() + "'");
                return;
            }
        }
    }

    static Set<String> parameterNames(Request request) {
        Set<String> names = new HashSet<>();
        int q = request.target().indexOf('?');
        if (q < 0) {
            return names;
        }
        for (String pair : request.target().substring(q + 1).split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (name.isEmpty() && pair.length() > 1) {
                names.add(""); // "=v" is a parameter without a name
                name = pair.substring(1); // which Spring reads as a parameter named "v"
            }
            try {
                names.add(URLDecoder.decode(name, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                names.add(name);
            }
        }
        return names;
    }
}
