// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.gae4j.core.error.ConfigException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one Jackson setup of gae4j: reads JSON or YAML into a tree that remembers the line of every
 * key ({@link LocatedTree}, for errors naming file, line and key), and writes values as JSON the
 * way gae4j always printed it: two-space indentation, {@code "key": value}, and numbers in their
 * shortest exact form ({@code 1}, {@code 0.01}, {@code 1e-08}; six significant digits when they
 * give the value back exactly, else Java's shortest round-trip form), non-finite numbers as
 * {@code null}. Mappers are configured once here and never changed afterwards, so sharing them
 * between threads is safe.
 */
public final class Json {

    /** The syntax of a text: YAML for {@code .yaml}/{@code .yml} files, JSON for everything else. */
    @SuppressWarnings("ImmutableEnumChecker") // each mapper is configured here once and only read afterwards
    public enum Syntax {
        JSON(new ObjectMapper(strict(new JsonFactory()))),
        YAML(new ObjectMapper(strict(new YAMLFactory())));

        private final ObjectMapper mapper;

        Syntax(ObjectMapper mapper) {
            this.mapper = mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        }

        /** By file extension: {@code .yaml} and {@code .yml} are YAML; any other name (/dev/stdin too) JSON. */
        public static Syntax of(Path file) {
            Path name = file.getFileName();
            String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
            return lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : JSON;
        }

        /** "a JSON object" or "a YAML mapping", for messages. */
        String objectWord() {
            return this == JSON ? "a JSON object" : "a YAML mapping";
        }
    }

    private static final ObjectMapper WRITER = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private Json() {}

    private static JsonFactory strict(JsonFactory factory) {
        return factory.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    }

    /** A new empty JSON object to fill. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Maps, lists, arrays, strings, numbers, booleans or trees as a tree. */
    public static JsonNode tree(Object value) {
        return WRITER.valueToTree(value);
    }

    /** {@code value} (a tree, or maps, lists, strings, numbers, booleans) as indented JSON ending in a newline. */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new CompactNumbers(WRITER.getFactory().createGenerator(out))) {
            g.setPrettyPrinter(PRETTY);
            WRITER.writeValue(g, value);
        } catch (IOException e) {
            // A StringWriter does not fail; only an unwritable value (no mapping for its type) gets here.
            throw new IllegalArgumentException(
                    "Cannot write " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
        }
        return out.append('\n').toString();
    }

    /**
     * Parses {@code text}, keeping the line of every key and value by JSON pointer. Malformed text
     * fails with a {@link ConfigException} {@code "SOURCE: line L, column C: PROBLEM"}.
     *
     * @param source names the text in errors (a file name, or e.g. "--model-json")
     */
    public static LocatedTree read(String text, Syntax syntax, String source) {
        Map<String, Integer> lines = new HashMap<>();
        try {
            try (JsonParser p = syntax.mapper.getFactory().createParser(text)) {
                // A first pass over the tokens records where each value stands; the tree has no positions.
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    String at = pointer(p.getParsingContext(), t);
                    if (at != null) {
                        int line = p.currentTokenLocation().getLineNr();
                        if (t == JsonToken.FIELD_NAME) {
                            lines.put(at, line);
                        } else {
                            lines.putIfAbsent(at, line);
                        }
                    }
                }
            }
            JsonNode root = syntax.mapper.readTree(text);
            return new LocatedTree(root == null || root.isMissingNode() ? null : root, lines, syntax, source);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": " + Problems.describe(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON pointer of the value token {@code t} starts (the key's value for a field name), or null. */
    private static String pointer(JsonStreamContext context, JsonToken t) {
        if (t == JsonToken.FIELD_NAME || t.isScalarValue()) {
            return context.pathAsPointer().toString();
        }
        if (t.isStructStart()) {
            // The new object's or array's own context is open: its parent says where it stands.
            return context.getParent() == null
                    ? ""
                    : context.getParent().pathAsPointer().toString();
        }
        return null;
    }

    /** Writes doubles as the hand-written writer of earlier gae4j versions did, so files keep their bytes. */
    private static final class CompactNumbers extends JsonGeneratorDelegate {

        CompactNumbers(JsonGenerator delegate) {
            super(delegate, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (!Double.isFinite(v)) {
                delegate.writeNull();
            } else {
                delegate.writeNumber(compact(v));
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            writeNumber((double) v);
        }
    }

    /** Six significant digits where they give {@code d} back exactly, else the exact shortest form. */
    static String compact(double d) {
        String shortForm = String.format(Locale.ROOT, "%.6g", d)
                .replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2")
                .replaceFirst("\\.(e|$)", "$1");
        return Double.parseDouble(shortForm) == d ? shortForm : Double.toString(d);
    }
}
