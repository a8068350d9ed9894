// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.DecoderScorers;
import io.github.gae4j.core.spi.InnerProductForm;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.predict.Link;
import io.github.gae4j.runtime.predict.LinkPredictor;
import io.github.gae4j.runtime.predict.NodePair;
import io.github.gae4j.runtime.predict.PredictorOptions;
import io.github.gae4j.runtime.predict.SearchMode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API over loopback with the JDK's HTTP client: every endpoint, every error, 8 concurrent clients. */
final class PredictionServerTest {

    static final int NODES = 60;
    static final int DIMS = 4;
    static final ObjectMapper JSON = new ObjectMapper();

    static LinkPredictor predictor;
    static PredictionServer server;
    static HttpClient client;

    /** Ids "1000".."1059" (numbers, as in many datasets); a ring of known links 1000–1001–…–1059–1000. */
    static LinkPredictor predictor(PairScorer scorer, Matrix z) {
        List<String> ids = new ArrayList<>();
        int[] src = new int[NODES];
        int[] dst = new int[NODES];
        for (int i = 0; i < NODES; i++) {
            ids.add(String.valueOf(1000 + i));
            src[i] = i;
            dst[i] = (i + 1) % NODES;
        }
        return LinkPredictor.of(
                ids,
                z,
                scorer,
                List.of(new EdgeList(src, dst)),
                PredictorOptions.defaults().withThreads(2).withSearch(SearchMode.EXACT),
                Optional.empty(),
                Optional.empty(),
                "test embeddings");
    }

    static Matrix embeddings(long seed) {
        Random r = new Random(seed);
        double[] data = new double[NODES * DIMS];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextGaussian();
        }
        return Matrix.fromRowMajor(NODES, DIMS, data);
    }

    @BeforeAll
    static void start() {
        Matrix z = embeddings(11);
        predictor = predictor(DecoderScorers.innerProduct(InnerProductForm.symmetric(z)), z);
        server = PredictionServer.start(predictor, PredictionServer.Config.of("127.0.0.1", 0, 4));
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Answer(int status, JsonNode json, HttpResponse<String> response) {
        String error() {
            return json.get("error").asText();
        }
    }

    static Answer get(PredictionServer s, String pathAndQuery) {
        return send(HttpRequest.newBuilder(s.uri().resolve(pathAndQuery)).GET());
    }

    static Answer get(String pathAndQuery) {
        return get(server, pathAndQuery);
    }

    static Answer post(PredictionServer s, String path, String body) {
        return send(HttpRequest.newBuilder(s.uri().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Answer post(String path, String body) {
        return post(server, path, body);
    }

    static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r =
                    client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            return new Answer(r.statusCode(), JSON.readTree(r.body()), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void assertLinks(JsonNode json, String node, List<Link> expected) {
        assertThat(json.get("node").asText()).isEqualTo(node);
        JsonNode links = json.get("links");
        assertThat(links.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(links.get(i).get("target").asText())
                    .isEqualTo(expected.get(i).target());
            // Jackson writes Java's shortest round-trip form: the exact double comes back.
            assertThat(links.get(i).get("score").doubleValue())
                    .isEqualTo(expected.get(i).score());
        }
    }

    @Test
    void healthSaysOk() {
        Answer a = get("/health");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.response().body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void modelDescribesThePredictorAndTheLimits() {
        Answer a = get("/model");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("nodes").asInt()).isEqualTo(NODES);
        assertThat(a.json().get("dimensions").asInt()).isEqualTo(DIMS);
        assertThat(a.json().get("directed").asBoolean()).isFalse();
        assertThat(a.json().get("source").asText()).isEqualTo("test embeddings");
        assertThat(a.json().get("search").get("exact").asBoolean()).isTrue();
        assertThat(a.json().get("search").get("description").asText())
                .isEqualTo(predictor.search().describe());
        assertThat(a.json().get("limits").get("max-k").asInt()).isEqualTo(1000);
        assertThat(a.json().get("limits").get("max-pairs").asInt()).isEqualTo(10_000);
        assertThat(a.json().has("provenance"))
                .as("no provenance for embeddings made in code")
                .isFalse();
    }

    @Test
    void topKIsThePredictorsAnswer() {
        Answer a = get("/topk?node=1007&k=5");
        assertThat(a.status()).isEqualTo(200);
        assertLinks(a.json(), "1007", predictor.topK("1007", 5));
        assertThat(a.json().has("note")).isFalse();
        // The default k is 10; encoded ids are decoded.
        Answer d = get("/topk?node=%31%30%30%37");
        assertLinks(d.json(), "1007", predictor.topK("1007", 10));
    }

    @Test
    void topKBeyondTheCandidatesReturnsWhatExistsWithANote() {
        Answer a = get("/topk?node=1000&k=1000");
        assertThat(a.status()).isEqualTo(200);
        // 59 other nodes, 2 of them ring neighbours: 57 candidates.
        assertThat(a.json().get("links").size()).isEqualTo(57);
        assertLinks(a.json(), "1000", predictor.topK("1000", 1000));
        assertThat(a.json().get("note").asText()).contains("only 57 candidate targets");
    }

    @Test
    void scoreIsThePredictorsAnswerInOrder() {
        Answer a = post("/score", "{\"pairs\": [[\"1001\", \"1002\"], [\"1003\", \"1050\"], [1050, 1003]]}");
        assertThat(a.status()).isEqualTo(200);
        double[] expected = predictor.score(
                List.of(new NodePair("1001", "1002"), new NodePair("1003", "1050"), new NodePair("1050", "1003")));
        JsonNode scores = a.json().get("scores");
        assertThat(scores.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(scores.get(i).doubleValue()).isEqualTo(expected[i]);
        }
        assertThat(post("/score", "{\"pairs\": []}").json().get("scores").size())
                .isZero();
    }

    @Test
    void embeddingIsTheNodesRow() {
        Answer a = get("/embedding?node=1042");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("node").asText()).isEqualTo("1042");
        double[] expected = predictor.embedding("1042");
        JsonNode e = a.json().get("embedding");
        assertThat(e.size()).isEqualTo(DIMS);
        for (int i = 0; i < DIMS; i++) {
            assertThat(e.get(i).doubleValue()).isEqualTo(expected[i]);
        }
    }

    @Test
    void badRequestsGet400WithTheProblem() {
        assertError(get("/topk?k=3"), 400, "missing parameter 'node': GET /topk?node=ID&k=K");
        assertError(get("/topk?node=&k=3"), 400, "missing parameter 'node'");
        assertError(get("/topk?node=1001&k=0"), 400, "k must be at least 1, got 0");
        assertError(get("/topk?node=1001&k=-4"), 400, "k must be at least 1, got -4");
        assertError(get("/topk?node=1001&k=ten"), 400, "k must be a whole number, got 'ten'");
        assertError(get("/topk?node=1001&k=1001"), 400, "k must be at most 1000 (this server's limit), got 1001");
        assertError(get("/topk?node=1001&kk=3"), 400, "unknown parameter 'kk' for /topk; it takes k and node");
        assertError(get("/topk?node=1001&node=1002"), 400, "parameter 'node' is given twice");
        // A raw query HttpClient will not send (java.net.URI refuses it) reaches the parser from other clients.
        assertThatThrownBy(() -> Endpoints.params("/topk", "node=%zz", java.util.Set.of("node")))
                .isInstanceOf(HttpError.class)
                .hasMessageContaining("malformed query string near '%zz'")
                .extracting(e -> ((HttpError) e).status())
                .isEqualTo(400);
        assertError(get("/embedding"), 400, "missing parameter 'node': GET /embedding?node=ID");
        assertError(get("/health?verbose=1"), 400, "/health takes no parameters, got 'verbose'");
        assertError(post("/score", ""), 400, "the request body is empty; POST /score takes {\"pairs\"");
        assertError(post("/score", "{\"pairs\": [[\"1001\", \"1002\"]"), 400, "request body: line 1");
        assertError(post("/score", "[1, 2]"), 400, "the request body (POST /score takes");
        assertError(post("/score", "{\"pair\": []}"), 400, "unknown key 'pair' in the request body");
        assertError(post("/score", "{}"), 400, "the request body needs an array 'pairs'");
        assertError(
                post("/score", "{\"pairs\": [[\"1001\", \"1002\"],\n [\"1001\"]]}"),
                400,
                "request body:2: pairs[1] must be an array of two node ids like [\"a\", \"b\"], got [\"1001\"]");
        assertError(post("/score", "{\"pairs\": [[\"1001\", 2.5]]}"), 400, "pairs[0] must be an array of two");
    }

    @Test
    void unknownIdsGet404NamingThem() {
        assertError(get("/topk?node=nobody&k=3"), 404, "unknown node id 'nobody'");
        assertError(get("/embedding?node=nobody"), 404, "unknown node id 'nobody'");
        assertError(
                post("/score", "{\"pairs\": [[\"1001\", \"x1\"], [\"x2\", \"1003\"]]}"),
                404,
                "2 unknown node ids ('x1', 'x2')");
    }

    @Test
    void wrongMethodsGet405AndUnknownPaths404() {
        Answer a = post("/topk?node=1001", "{}");
        assertError(a, 405, "/topk takes GET requests, not POST");
        assertThat(a.response().headers().firstValue("Allow")).hasValue("GET");
        Answer s = get("/score");
        assertError(s, 405, "/score takes POST requests, not GET");
        assertThat(s.response().headers().firstValue("Allow")).hasValue("POST");
        assertError(
                send(HttpRequest.newBuilder(server.uri().resolve("/health")).DELETE()),
                405,
                "/health takes GET requests, not DELETE");
        assertError(get("/nope"), 404, "no endpoint /nope; the endpoints are GET /health, GET /model");
        assertError(get("/topk/"), 404, "no endpoint /topk/");
    }

    @Test
    void theLimitsHold() {
        Matrix z = embeddings(11);
        LinkPredictor p = predictor(DecoderScorers.innerProduct(InnerProductForm.symmetric(z)), z);
        try (PredictionServer small = PredictionServer.start(
                p,
                new PredictionServer.Config(
                        "127.0.0.1", 0, 1, new ServerLimits(5, 2, 100), Duration.ofSeconds(5), 1))) {
            assertError(get(small, "/topk?node=1001&k=6"), 400, "k must be at most 5");
            assertError(
                    post(
                            small,
                            "/score",
                            "{\"pairs\": [[\"1001\", \"1002\"], [\"1001\", \"1003\"], [\"1001\", \"1004\"]]}"),
                    400,
                    "3 pairs; this server scores at most 2 per request");
            assertError(
                    post(small, "/score", "{\"pairs\": [[\"" + "1".repeat(200) + "\", \"1002\"]]}"),
                    413,
                    "the request body is larger than 100 bytes, this server's limit");
            assertThat(get(small, "/topk?node=1001&k=5").status()).isEqualTo(200);
        }
    }

    @Test
    void aFailureOfTheServerGets500WithoutAStackTrace() {
        Matrix z = embeddings(11);
        PairScorer good = DecoderScorers.innerProduct(InnerProductForm.symmetric(z));
        PairScorer broken = intercepted(good, source -> {
            if (source == 7) {
                throw new IllegalStateException("deliberate failure for node 7");
            }
        });
        try (PredictionServer s =
                PredictionServer.start(predictor(broken, z), PredictionServer.Config.of("127.0.0.1", 0, 1))) {
            Answer a = post(s, "/score", "{\"pairs\": [[\"1007\", \"1001\"]]}");
            assertError(a, 500, "internal error; the server's log has the details");
            assertThat(a.response().body()).doesNotContain("Exception", "deliberate", "\tat ");
            assertThat(post(s, "/score", "{\"pairs\": [[\"1001\", \"1007\"]]}").status())
                    .isEqualTo(200);
        }
    }

    /** {@code good}'s scores, after {@code before} has seen the source index (to fail or to wait). */
    static PairScorer intercepted(PairScorer good, java.util.function.IntConsumer before) {
        return new PairScorer() {
            @Override
            public int nodes() {
                return good.nodes();
            }

            @Override
            public boolean directed() {
                return good.directed();
            }

            @Override
            public double logit(int source, int target) {
                before.accept(source);
                return good.logit(source, target);
            }
        };
    }

    static void assertError(Answer a, int status, String message) {
        assertThat(a.status()).as(a.response().body()).isEqualTo(status);
        assertThat(a.json().size()).isEqualTo(1);
        assertThat(a.error()).contains(message);
    }

    /** 8 clients × 1,000 requests, /topk and /score mixed: every one answered, each the Java API's own answer. */
    @Test
    void eightConcurrentClientsGetThePredictorsAnswers() throws Exception {
        int clients = 8;
        int requests = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger checked = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                long seed = 100 + c;
                done.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < requests; i++) {
                        String u = String.valueOf(1000 + r.nextInt(NODES));
                        if (r.nextBoolean()) {
                            int k = 1 + r.nextInt(20);
                            Answer a = get("/topk?node=" + u + "&k=" + k);
                            assertThat(a.status()).isEqualTo(200);
                            assertLinks(a.json(), u, predictor.topK(u, k));
                        } else {
                            String v = String.valueOf(1000 + r.nextInt(NODES));
                            String w = String.valueOf(1000 + r.nextInt(NODES));
                            Answer a = post(
                                    "/score",
                                    "{\"pairs\": [[\"" + u + "\", \"" + v + "\"], [\"" + w + "\", \"" + u + "\"]]}");
                            assertThat(a.status()).isEqualTo(200);
                            JsonNode scores = a.json().get("scores");
                            assertThat(scores.get(0).doubleValue()).isEqualTo(predictor.score(u, v));
                            assertThat(scores.get(1).doubleValue()).isEqualTo(predictor.score(w, u));
                        }
                        checked.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(checked.get()).isEqualTo(clients * requests);
    }

    /** close() lets a request in flight finish, then refuses connections. */
    @Test
    void closingFinishesTheRequestInFlight() throws Exception {
        Matrix z = embeddings(11);
        PairScorer good = DecoderScorers.innerProduct(InnerProductForm.symmetric(z));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PairScorer slow = intercepted(good, source -> {
            if (source == 9) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        LinkPredictor p = predictor(slow, z);
        PredictionServer s = PredictionServer.start(p, PredictionServer.Config.of("127.0.0.1", 0, 2));
        URI base = s.uri();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Answer> inFlight = pool.submit(() -> post(s, "/score", "{\"pairs\": [[\"1009\", \"1001\"]]}"));
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> closing = pool.submit(s::close);
            // The server is draining now: new requests are refused, the one in flight waits for its answer.
            Thread.sleep(100);
            assertThat(inFlight.isDone()).isFalse();
            release.countDown();
            Answer a = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json().get("scores").get(0).doubleValue()).isEqualTo(p.score("1009", "1001"));
            closing.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
            s.close();
        }
        HttpClient fresh =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThatThrownBy(() -> fresh.send(
                        HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }
}
