// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gae4j.core.error.ConfigException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed JSON or YAML text with the line of every key, and the checks that read it: each failure
 * is a {@link ConfigException} {@code "SOURCE:LINE: PROBLEM"} naming the key. Places are JSON
 * pointers ({@code ""} for the root, {@code "/training/epochs"}, {@code "/losses/0"}).
 */
public final class LocatedTree {

    private final JsonNode root;
    private final Map<String, Integer> lines;
    private final Json.Syntax syntax;
    private final String source;

    LocatedTree(JsonNode root, Map<String, Integer> lines, Json.Syntax syntax, String source) {
        this.root = root;
        this.lines = Map.copyOf(lines);
        this.syntax = syntax;
        this.source = source;
    }

    /** The whole value; null for an empty YAML document. */
    public JsonNode root() {
        return root;
    }

    public String source() {
        return source;
    }

    /** The line of the value (or its key) at {@code at}; of the nearest enclosing value when absent. */
    public int line(String at) {
        for (String p = at; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
        }
    }

    /** A failure at {@code at}: {@code "SOURCE:LINE: PROBLEM"}. */
    public ConfigException fail(String at, String problem) {
        return new ConfigException(String.format(Locale.ROOT, "%s:%d: %s", source, line(at), problem));
    }

    /** The object at {@code at}; {@code what} names it in the error when it is something else. */
    public ObjectNode object(JsonNode value, String at, String what) {
        if (value instanceof ObjectNode o) {
            return o;
        }
        throw fail(at, what + " must be " + syntax.objectWord());
    }

    /** Fails on the first key of {@code o} not in {@code known}, listing the known keys. */
    public void onlyKeys(ObjectNode o, String at, Set<String> known, String what) {
        for (Iterator<String> keys = o.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                throw fail(
                        child(at, key),
                        String.format(
                                Locale.ROOT,
                                "unknown key '%s' in %s; known keys: %s",
                                key,
                                what,
                                new TreeSet<>(known)));
            }
        }
    }

    /** The pointer of {@code key} in the object at {@code at} (escaped as Jackson's pointers are). */
    public static String child(String at, String key) {
        return at + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer of entry {@code index} of the array at {@code at}. */
    public static String child(String at, int index) {
        return at + "/" + index;
    }

    public double number(ObjectNode o, String at, String key, String what) {
        JsonNode v = o.get(key);
        if (v != null && v.isNumber()) {
            return v.doubleValue();
        }
        throw fail(child(at, key), "'" + key + "' of " + what + " must be a number, got " + text(v));
    }

    public double number(ObjectNode o, String at, String key, String what, double absent) {
        return o.has(key) ? number(o, at, key, what) : absent;
    }

    public long integer(ObjectNode o, String at, String key, String what, long absent) {
        if (!o.has(key)) {
            return absent;
        }
        JsonNode v = o.get(key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw fail(child(at, key), "'" + key + "' of " + what + " must be an integer, got " + text(v));
        }
        return v.longValue();
    }

    public int smallInteger(ObjectNode o, String at, String key, String what, int absent) {
        long v = integer(o, at, key, what, absent);
        if (v != (int) v) {
            throw fail(child(at, key), "'" + key + "' of " + what + " must be an integer, got " + v);
        }
        return (int) v;
    }

    public boolean bool(ObjectNode o, String at, String key, String what, boolean absent) {
        if (!o.has(key)) {
            return absent;
        }
        JsonNode v = o.get(key);
        if (!v.isBoolean()) {
            throw fail(child(at, key), "'" + key + "' of " + what + " must be true or false, got " + text(v));
        }
        return v.booleanValue();
    }

    /** A non-blank string. */
    public String string(ObjectNode o, String at, String key, String what) {
        JsonNode v = o.get(key);
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            throw fail(child(at, key), what + " needs a non-blank string '" + key + "'");
        }
        return v.textValue();
    }

    /** A value as the user wrote it: strings without quotes, null for a missing one. */
    public static String text(JsonNode v) {
        return v == null ? "null" : v.isTextual() ? v.textValue() : v.toString();
    }
}
