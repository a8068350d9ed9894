package io.github.gae4j.runtime.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small strict JSON reader for configuration files: objects (as {@link JsonObject}, which keeps
 * the line of every key for error messages), arrays (List), strings, numbers (Long or Double),
 * booleans and null. Errors name the line and column. No dependency, because the configuration
 * format is tiny and gae-core depends on nothing but ojAlgo and SLF4J.
 */
public final class JsonReader {

    /** A JSON object that remembers where each key stood. */
    public static final class JsonObject extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
        private final Map<String, Integer> lines = new LinkedHashMap<>();
        private final int line;

        JsonObject(int line) {
            this.line = line;
        }

        /** Line of {@code key}, or of the object's opening brace when absent. */
        public int line(String key) {
            return lines.getOrDefault(key, line);
        }

        public int line() {
            return line;
        }
    }

    /** Malformed JSON, with the 1-based line and column. */
    public static final class JsonSyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int line;

        JsonSyntaxException(int line, int column, String problem) {
            super(String.format(Locale.ROOT, "line %d, column %d: %s", line, column, problem));
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private JsonReader(String text) {
        this.text = text;
    }

    public static Object parse(String text) {
        JsonReader r = new JsonReader(text);
        r.skipSpace();
        Object value = r.value();
        r.skipSpace();
        if (r.pos < text.length()) {
            throw r.error("unexpected '" + text.charAt(r.pos) + "' after the value");
        }
        return value;
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected '" + c + "'");
            }
        };
    }

    private JsonObject object() {
        JsonObject obj = new JsonObject(line);
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return obj;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a quoted key");
            }
            int keyLine = line;
            String key = string();
            if (obj.containsKey(key)) {
                throw error("duplicate key '" + key + "'");
            }
            skipSpace();
            expect(':');
            skipSpace();
            obj.put(key, value());
            obj.lines.put(key, keyLine);
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') {
                return obj;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value());
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\n') {
                throw error("line break inside a string");
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape '\\" + e + "'");
                }
            } else {
                sb.append(c);
            }
        }
    }

    private Object number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String s = text.substring(start, pos);
        try {
            if (s.contains(".") || s.contains("e") || s.contains("E")) {
                return Double.parseDouble(s);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + s + "'");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected token");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonSyntaxException error(String problem) {
        return new JsonSyntaxException(line, pos - lineStart + 1, problem);
    }
}
