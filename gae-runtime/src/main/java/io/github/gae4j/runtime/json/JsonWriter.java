package io.github.gae4j.runtime.json;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers and booleans as JSON (numbers exactly: they read back to the
 * same double). Small on purpose: results and model descriptions are plain data, and gae-core
 * depends on nothing but ojAlgo and SLF4J.
 */
public final class JsonWriter {

    private JsonWriter() {
    }

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0);
        return sb.append('\n').toString();
    }

    private static void write(Object value, StringBuilder sb, int indent) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            string(s, sb);
        } else if (value instanceof Boolean b) {
            sb.append(b);
        } else if (value instanceof Number n) {
            number(n, sb);
        } else if (value instanceof double[] a) {
            sb.append('[');
            for (int k = 0; k < a.length; k++) {
                if (k > 0) {
                    sb.append(", ");
                }
                number(a[k], sb);
            }
            sb.append(']');
        } else if (value instanceof Map<?, ?> m) {
            sb.append("{");
            int k = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(k++ == 0 ? "\n" : ",\n").append("  ".repeat(indent + 1));
                string(String.valueOf(e.getKey()), sb);
                sb.append(": ");
                write(e.getValue(), sb, indent + 1);
            }
            sb.append(m.isEmpty() ? "}" : "\n" + "  ".repeat(indent) + "}");
        } else if (value instanceof List<?> l) {
            sb.append("[");
            for (int k = 0; k < l.size(); k++) {
                sb.append(k == 0 ? "\n" : ",\n").append("  ".repeat(indent + 1));
                write(l.get(k), sb, indent + 1);
            }
            sb.append(l.isEmpty() ? "]" : "\n" + "  ".repeat(indent) + "]");
        } else {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void number(Number n, StringBuilder sb) {
        double d = n.doubleValue();
        if (n instanceof Integer || n instanceof Long) {
            sb.append(n.longValue());
        } else if (!Double.isFinite(d)) {
            sb.append("null");
        } else {
            String shortForm = String.format(Locale.ROOT, "%.6g", d).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2")
                    .replaceFirst("\\.(e|$)", "$1");
            // Six significant digits read well; fall back to the exact form where they would lose the value.
            sb.append(Double.parseDouble(shortForm) == d ? shortForm : Double.toString(d));
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
