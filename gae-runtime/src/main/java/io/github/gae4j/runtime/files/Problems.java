// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's syntax errors as one short line, {@code "line L, column C: PROBLEM"}: the common JSON
 * mistakes in the words gae4j always used ({@code expected ':'}, {@code unexpected end of input},
 * {@code duplicate key 'a'}), SnakeYAML's problem and context for YAML, and Jackson's own first
 * sentence otherwise.
 */
final class Problems {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) [\"'](.*)[\"']");

    private Problems() {}

    static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1
                ? ""
                : String.format(Locale.ROOT, "line %d, column %d: ", at.getLineNr(), at.getColumnNr());
        return where + problem(e);
    }

    private static String problem(JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y) {
            String context = y.getContext() == null ? "" : " (" + y.getContext().trim() + ")";
            return y.getProblem().trim() + context;
        }
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            return "duplicate key '" + duplicate.group(1) + "'";
        }
        if (original.startsWith("Unexpected end-of-input")) {
            return "unexpected end of input";
        }
        if (original.contains("was expecting a colon")) {
            return "expected ':'";
        }
        if (original.contains("was expecting comma to separate Object entries")) {
            return "expected ',' or '}'";
        }
        if (original.contains("was expecting comma to separate Array entries")) {
            return "expected ',' or ']'";
        }
        if (original.contains("was expecting double-quote to start field name")) {
            return "expected a quoted key";
        }
        if (original.startsWith("Trailing token")) {
            return "unexpected content after the value";
        }
        if (original.contains("(CTRL-CHAR, code 10)")) {
            return "line break inside a string";
        }
        if (original.startsWith("Unrecognized token")) {
            // "Unrecognized token 'tru': was expecting (JSON String, ...)": the token is what matters.
            return "unrecognized token"
                    + original.substring(
                            "Unrecognized token".length(),
                            original.indexOf(':') < 0 ? original.length() : original.indexOf(':'));
        }
        // Jackson's first sentence, without where its input came from (the caller names the file).
        String first = original.lines().findFirst().orElse(original);
        return first.replaceAll(" ?\\(start marker at \\[Source.*$", "");
    }
}
