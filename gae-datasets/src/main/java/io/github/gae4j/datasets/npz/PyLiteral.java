// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the Python literal of a {@code .npy} header: a dict of strings, integers (a Python 2 {@code L}
 * suffix is accepted), {@code True}/{@code False}/{@code None}, tuples and lists. Tuples and lists become
 * {@link List}s, dicts {@link LinkedHashMap}s, integers {@link Long}s and booleans {@link Boolean}s; None is
 * {@link #NONE}. Any other syntax fails with {@link IllegalArgumentException} saying where.
 */
final class PyLiteral {

    /** Python's None. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private final String s;
    private int p;

    private PyLiteral(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        PyLiteral parser = new PyLiteral(text);
        Object v = parser.value();
        parser.skipSpace();
        if (parser.p != text.length()) {
            throw parser.error("unexpected text after the literal");
        }
        return v;
    }

    private Object value() {
        skipSpace();
        if (p >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(p);
        switch (c) {
            case '{' -> {
                return dict();
            }
            case '(' -> {
                return sequence(')');
            }
            case '[' -> {
                return sequence(']');
            }
            case '\'', '"' -> {
                return string();
            }
            default -> {
                // a number, True, False or None: below
            }
        }
        if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
            return integer();
        }
        if (s.startsWith("True", p)) {
            p += 4;
            return true;
        }
        if (s.startsWith("False", p)) {
            p += 5;
            return false;
        }
        if (s.startsWith("None", p)) {
            p += 4;
            return NONE;
        }
        throw error("unexpected character '" + c + "'");
    }

    private Map<Object, Object> dict() {
        Map<Object, Object> m = new LinkedHashMap<>();
        p++;
        while (true) {
            skipSpace();
            if (peek() == '}') {
                p++;
                return m;
            }
            Object key = value();
            skipSpace();
            expect(':');
            Object v = value();
            if (m.put(key, v) != null) {
                throw error("duplicate key " + key);
            }
            skipSpace();
            if (peek() == ',') {
                p++;
            } else if (peek() != '}') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> sequence(char close) {
        List<Object> list = new ArrayList<>();
        p++;
        while (true) {
            skipSpace();
            if (peek() == close) {
                p++;
                return list;
            }
            list.add(value());
            skipSpace();
            if (peek() == ',') {
                p++;
            } else if (peek() != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private String string() {
        char quote = s.charAt(p++);
        StringBuilder b = new StringBuilder();
        while (p < s.length() && s.charAt(p) != quote) {
            char c = s.charAt(p++);
            if (c == '\\' && p < s.length()) {
                c = s.charAt(p++);
            }
            b.append(c);
        }
        if (p >= s.length()) {
            throw error("unterminated string");
        }
        p++;
        return b.toString();
    }

    private Long integer() {
        int start = p;
        if (s.charAt(p) == '-' || s.charAt(p) == '+') {
            p++;
        }
        int digits = p;
        while (p < s.length() && Character.isDigit(s.charAt(p))) {
            p++;
        }
        if (p == digits) {
            throw error("expected a digit");
        }
        String text = s.substring(start, p);
        if (p < s.length() && (s.charAt(p) == 'L' || s.charAt(p) == 'l')) {
            p++;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error("integer " + text + " is out of range");
        }
    }

    private char peek() {
        if (p >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(p);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        p++;
    }

    private void skipSpace() {
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
            p++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s at character %d", problem, p + 1));
    }
}
