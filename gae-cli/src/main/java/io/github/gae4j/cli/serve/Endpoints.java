// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.runtime.files.Json;
import io.github.gae4j.runtime.files.LocatedTree;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.runtime.files.ProvenanceJson;
import io.github.gae4j.runtime.predict.Link;
import io.github.gae4j.runtime.predict.LinkPredictor;
import io.github.gae4j.runtime.predict.NodePair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each endpoint answers, as JSON bytes, for a parsed request: no HTTP plumbing here (that is {@link
 * PredictionServer}'s), so each answer is the {@link LinkPredictor}'s own, written by Jackson (doubles in Java's
 * shortest round-trip form, so a client parsing them gets the predictor's exact values back).
 */
final class Endpoints {

    /** The endpoints by path, with their method, for routing, 405's Allow header and 404's list. */
    static final Map<String, String> METHODS = Map.of(
            "/health", "GET",
            "/model", "GET",
            "/topk", "GET",
            "/score", "POST",
            "/embedding", "GET");

    static final String LIST =
            "GET /health, GET /model, GET /topk?node=ID&k=K, POST /score {\"pairs\": [[\"a\", \"b\"],"
                    + " ...]}, GET /embedding?node=ID";

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final byte[] HEALTH = "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII);

    private final LinkPredictor predictor;
    private final TopKBatcher batcher;
    private final ServerLimits limits;
    private final byte[] model;

    /** Answers from {@code predictor}, with at most {@code searchers} top-k searches of {@code batch} at a time. */
    Endpoints(LinkPredictor predictor, int searchers, int batch, ServerLimits limits) {
        this.predictor = predictor;
        this.batcher = new TopKBatcher(predictor, searchers, batch);
        this.limits = limits;
        this.model = write(modelTree(predictor, limits));
    }

    /** The answer to {@code path} with {@code query} (raw, may be null) and {@code body} (POST only). */
    byte[] answer(String path, String query, byte[] body) {
        return switch (path) {
            case "/health" -> {
                params(path, query, Set.of());
                yield HEALTH;
            }
            case "/model" -> {
                params(path, query, Set.of());
                yield model;
            }
            case "/topk" -> topK(params(path, query, Set.of("node", "k")));
            case "/embedding" -> embedding(params(path, query, Set.of("node")));
            case "/score" -> {
                params(path, query, Set.of());
                yield score(body);
            }
            default -> throw new IllegalArgumentException("no endpoint " + path);
        };
    }

    private byte[] topK(Map<String, String> params) {
        String node = required(params, "node", "/topk?node=ID&k=K");
        int k = k(params.get("k"));
        List<Link> links;
        try {
            links = batcher.topK(node, k);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(HttpError.UNAVAILABLE, "the server is shutting down");
        }
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("node", node);
            g.writeNumberField("k", k);
            g.writeArrayFieldStart("links");
            for (Link l : links) {
                g.writeStartObject();
                g.writeStringField("target", l.target());
                g.writeNumberField("score", l.score());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (links.size() < k) {
                long candidates = predictor.candidatesFrom(node);
                g.writeStringField(
                        "note",
                        candidates < k
                                ? String.format(
                                        Locale.ROOT,
                                        "%s has only %d candidate targets: every other node is already one of its"
                                                + " known links",
                                        node,
                                        candidates)
                                : String.format(
                                        Locale.ROOT,
                                        "the approximate search found %d of the %d asked for",
                                        links.size(),
                                        k));
            }
            g.writeEndObject();
        });
    }

    private int k(String value) {
        if (value == null) {
            return ServerLimits.DEFAULT_K;
        }
        int k;
        try {
            k = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("k must be a whole number, got '" + value + "'");
        }
        if (k < 1) {
            throw HttpError.badRequest("k must be at least 1, got " + k);
        }
        if (k > limits.maxK()) {
            throw HttpError.badRequest("k must be at most " + limits.maxK() + " (this server's limit), got " + k);
        }
        return k;
    }

    private byte[] embedding(Map<String, String> params) {
        String node = required(params, "node", "/embedding?node=ID");
        double[] z = predictor.embedding(node);
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("node", node);
            g.writeFieldName("embedding");
            g.writeArray(z, 0, z.length);
            g.writeEndObject();
        });
    }

    private byte[] score(byte[] body) {
        List<NodePair> pairs = pairs(body);
        double[] scores = predictor.score(pairs);
        return write(g -> {
            g.writeStartObject();
            g.writeFieldName("scores");
            g.writeArray(scores, 0, scores.length);
            g.writeEndObject();
        });
    }

    private List<NodePair> pairs(byte[] body) {
        String usage = "POST /score takes {\"pairs\": [[\"a\", \"b\"], ...]}";
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw HttpError.badRequest("the request body is empty; " + usage);
        }
        LocatedTree tree;
        try {
            tree = Json.read(text, Json.Syntax.JSON, "request body");
        } catch (ConfigException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        try {
            ObjectNode top = tree.object(tree.root(), "", "the request body (" + usage + ")");
            tree.onlyKeys(top, "", Set.of("pairs"), "the request body");
            if (!(top.get("pairs") instanceof ArrayNode list)) {
                throw tree.fail("/pairs", "the request body needs an array 'pairs'; " + usage);
            }
            if (list.size() > limits.maxPairs()) {
                throw tree.fail(
                        "/pairs",
                        String.format(
                                Locale.ROOT,
                                "%d pairs; this server scores at most %d per request",
                                list.size(),
                                limits.maxPairs()));
            }
            List<NodePair> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                JsonNode p = list.get(i);
                if (!p.isArray() || p.size() != 2 || !isId(p.get(0)) || !isId(p.get(1))) {
                    throw tree.fail(
                            LocatedTree.child("/pairs", i),
                            "pairs[" + i + "] must be an array of two node ids like [\"a\", \"b\"], got " + p);
                }
                out.add(new NodePair(p.get(0).asText(), p.get(1).asText()));
            }
            return out;
        } catch (ConfigException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    /** Ids are strings; whole numbers are taken as their text, as ids in CSV files are. */
    private static boolean isId(JsonNode v) {
        return v.isTextual() || v.isIntegralNumber();
    }

    private static String required(Map<String, String> params, String name, String usage) {
        String v = params.get(name);
        if (v == null || v.isEmpty()) {
            throw HttpError.badRequest("missing parameter '" + name + "': GET " + usage);
        }
        return v;
    }

    /** The query's parameters, decoded; unknown and repeated ones are refused (a typo must not pass unseen). */
    static Map<String, String> params(String path, String rawQuery, Set<String> known) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String part : rawQuery.split("&", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            if (!known.contains(name)) {
                throw HttpError.badRequest(
                        known.isEmpty()
                                ? path + " takes no parameters, got '" + name + "'"
                                : "unknown parameter '" + name + "' for " + path + "; it takes "
                                        + String.join(
                                                " and ", known.stream().sorted().toList()));
            }
            if (out.put(name, value) != null) {
                throw HttpError.badRequest("parameter '" + name + "' is given twice");
            }
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("malformed query string near '" + s + "': " + e.getMessage());
        }
    }

    /** How the top-k queries were searched, for the log. */
    String searchSummary() {
        return batcher.summary();
    }

    /** The error body {@code {"error": message}}. */
    static byte[] error(String message) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("error", message);
            g.writeEndObject();
        });
    }

    private static ObjectNode modelTree(LinkPredictor p, ServerLimits limits) {
        ObjectNode o = Json.object();
        o.put("source", p.source());
        o.put("nodes", p.nodeIds().size());
        o.put("dimensions", p.dimensions());
        o.put("directed", p.directed());
        p.description().ifPresent(d -> o.put("decoder", d.model().decoder().name()));
        o.putObject("search")
                .put("exact", p.exactSearch())
                .put("description", p.search().describe());
        p.description().ifPresent(d -> o.set("model", ModelDescriptionFile.toTree(d)));
        p.provenance().ifPresent(pr -> o.set("provenance", ProvenanceJson.write(pr)));
        o.putObject("limits")
                .put("max-k", limits.maxK())
                .put("default-k", ServerLimits.DEFAULT_K)
                .put("max-pairs", limits.maxPairs())
                .put("max-body-bytes", limits.maxBodyBytes());
        return o;
    }

    /** Writes JSON with one generator; the output is a byte array, so I/O cannot fail. */
    private interface Writing {
        void to(JsonGenerator g) throws IOException;
    }

    private static byte[] write(Writing w) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            w.to(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] write(JsonNode tree) {
        try {
            return TREES.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
