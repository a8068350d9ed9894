// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.runtime.predict.LinkPredictor;
import io.github.gae4j.runtime.predict.UnknownNodeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP JSON API over a {@link LinkPredictor}, on the JDK's own {@code com.sun.net.httpserver.HttpServer} (module
 * jdk.httpserver: no dependency): {@code GET /health}, {@code GET /model}, {@code GET /topk?node=ID&k=K}, {@code POST
 * /score} with {@code {"pairs": [["a", "b"], ...]}}, {@code GET /embedding?node=ID}.
 *
 * <p>At most {@code threads} top-k searches run at a time, each answering up to {@value TopKBatcher#MAX_BATCH}
 * concurrent queries together ({@link TopKBatcher}); {@value #REQUEST_THREADS_PER_SEARCH} × {@code threads} threads
 * handle requests, with a bounded queue ({@value #QUEUE} requests); when the queue is full the server's dispatcher
 * thread answers the request itself, which slows accepting (back-pressure) instead of dropping connections. Bad requests get 400 (413 for a body over the limit, 405 for a wrong method, 404
 * for an unknown path or node id) with {@code {"error": "..."}}; a failure of the server itself gets 500 with a
 * generic message, its stack trace goes to the log, never to the client.
 *
 * <p>{@link #close()} shuts down gracefully: new requests get 503, those in flight finish (up to the grace period),
 * then the socket closes.
 */
public final class PredictionServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PredictionServer.class);

    /**
     * Request threads per search thread. One: on 2 cores with 8 clients, 4 per search put p99 of a PubMed top-10 at
     * 5.2 – 6.7 ms, 2 at 4.2 – 4.7 ms and 1 at 3.1 – 3.3 ms (gae bench --suite serve): extra threads only queue for
     * the cores. Requests beyond them wait in the queue, so batches of the {@link TopKBatcher} rarely form.
     */
    static final int REQUEST_THREADS_PER_SEARCH = 1;

    /** Requests waiting for a thread before the dispatcher serves them itself. */
    static final int QUEUE = 1024;

    private static final String JSON = "application/json; charset=utf-8";

    /**
     * Where to listen, how many top-k searches may run at a time ({@code threads}; four times as many threads handle
     * requests), the request limits, the shutdown grace period, and how many concurrent top-k queries one search
     * may answer together ({@code batch}, 1 to {@value TopKBatcher#MAX_BATCH}).
     */
    public record Config(String host, int port, int threads, ServerLimits limits, Duration grace, int batch) {

        public Config {
            Objects.requireNonNull(host, "host is null");
            Objects.requireNonNull(limits, "limits is null");
            Objects.requireNonNull(grace, "grace is null");
            if (port < 0 || port > 65_535) {
                throw new ConfigException("the port must be between 0 (any free port) and 65535, got " + port);
            }
            if (threads < 1) {
                throw new ConfigException("the server needs at least 1 thread, got " + threads);
            }
            if (batch < 1 || batch > TopKBatcher.MAX_BATCH) {
                throw new ConfigException(
                        "top-k queries are searched in batches of 1 to " + TopKBatcher.MAX_BATCH + ", got " + batch);
            }
        }

        /** Default limits, a 5-second grace period, concurrent top-k queries searched together. */
        public static Config of(String host, int port, int threads) {
            return new Config(
                    host, port, threads, ServerLimits.defaults(), Duration.ofSeconds(5), TopKBatcher.MAX_BATCH);
        }

        /** The same with concurrent top-k queries searched in batches of at most {@code value} (1: one by one). */
        public Config withBatch(int value) {
            return new Config(host, port, threads, limits, grace, value);
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final Endpoints endpoints;
    private final ServerLimits limits;
    private final Duration grace;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean draining;

    private PredictionServer(HttpServer server, ThreadPoolExecutor executor, Endpoints endpoints, Config config) {
        this.server = server;
        this.executor = executor;
        this.endpoints = endpoints;
        this.limits = config.limits();
        this.grace = config.grace();
    }

    /** Binds and starts serving {@code predictor}; fails with a {@link ConfigException} if the address is taken. */
    public static PredictionServer start(LinkPredictor predictor, Config config) {
        Objects.requireNonNull(predictor, "predictor is null");
        Objects.requireNonNull(config, "config is null");
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        if (address.isUnresolved()) {
            throw new ConfigException("unknown host '" + config.host() + "'");
        }
        // Headers and body leave as two writes: without TCP_NODELAY, Nagle's algorithm would hold the body until
        // the client's delayed ACK (40 ms). The JDK server reads this property once, when it is first used.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer http;
        try {
            http = HttpServer.create(address, 0);
        } catch (BindException e) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "cannot listen on %s:%d: %s; choose another port (0 picks a free one)",
                    config.host(),
                    config.port(),
                    e.getMessage()));
        } catch (IOException e) {
            throw new ConfigException(String.format(
                    Locale.ROOT, "cannot listen on %s:%d: %s", config.host(), config.port(), e.getMessage()));
        }
        int requestThreads = REQUEST_THREADS_PER_SEARCH * config.threads();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                requestThreads,
                requestThreads,
                0L,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                threads(),
                new ThreadPoolExecutor.CallerRunsPolicy());
        PredictionServer s = new PredictionServer(
                http, executor, new Endpoints(predictor, config.threads(), config.batch(), config.limits()), config);
        http.createContext("/", s::handle);
        http.setExecutor(executor);
        http.start();
        LOG.info(
                "serving {} ({} nodes) on {}: {} search threads, {} request threads",
                predictor.source(),
                predictor.nodeIds().size(),
                s.uri(),
                config.threads(),
                requestThreads);
        return s;
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "gae-serve-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The port listened on (the one chosen when the configuration asked for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The server's base address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetAddress a = server.getAddress().getAddress();
        String host = a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Requests answered so far, errors included. */
    public long requestsAnswered() {
        return answered.get();
    }

    /** The limits requests are held to. */
    public ServerLimits limits() {
        return limits;
    }

    private void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        try {
            respond(exchange);
        } finally {
            exchange.close();
            answered.incrementAndGet();
            inFlight.decrementAndGet();
        }
    }

    private void respond(HttpExchange exchange) {
        int status = 200;
        byte[] body;
        String allow = null;
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        try {
            if (draining) {
                throw new HttpError(HttpError.UNAVAILABLE, "the server is shutting down");
            }
            String expected = Endpoints.METHODS.get(path);
            if (expected == null) {
                throw new HttpError(
                        HttpError.NOT_FOUND, "no endpoint " + path + "; the endpoints are " + Endpoints.LIST);
            }
            if (!expected.equals(method)) {
                allow = expected;
                throw new HttpError(
                        HttpError.METHOD_NOT_ALLOWED, path + " takes " + expected + " requests, not " + method);
            }
            byte[] request = "POST".equals(method) ? readBody(exchange) : null;
            body = endpoints.answer(path, exchange.getRequestURI().getRawQuery(), request);
        } catch (HttpError e) {
            status = e.status();
            body = Endpoints.error(e.getMessage());
        } catch (UnknownNodeException e) {
            status = HttpError.NOT_FOUND;
            body = Endpoints.error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} {}: internal error", method, exchange.getRequestURI(), e);
            status = 500;
            body = Endpoints.error("internal error; the server's log has the details");
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", JSON);
            if (allow != null) {
                exchange.getResponseHeaders().set("Allow", allow);
            }
            if (draining || status == HttpError.PAYLOAD_TOO_LARGE) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // The client went away: nothing to tell it.
            LOG.debug("{} {}: could not send the answer: {}", method, exchange.getRequestURI(), e.toString());
        }
    }

    private byte[] readBody(HttpExchange exchange) {
        int max = limits.maxBodyBytes();
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > max) {
                    throw tooLarge(max);
                }
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("malformed Content-Length '" + length + "'");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                throw tooLarge(max);
            }
            return body;
        } catch (IOException e) {
            throw HttpError.badRequest("could not read the request body: " + e.getMessage());
        }
    }

    private static HttpError tooLarge(int max) {
        return new HttpError(
                HttpError.PAYLOAD_TOO_LARGE,
                "the request body is larger than " + max + " bytes, this server's limit; send fewer pairs per request");
    }

    /**
     * Stops gracefully: new requests get 503, those in flight may finish within the grace period, then the socket
     * and the threads close. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (inFlight.get() > 0) {
                LOG.warn(
                        "{} requests still running after the {} s grace period; closing anyway",
                        inFlight.get(),
                        grace.toSeconds());
            }
            server.stop(0);
            executor.shutdown();
            long left = Math.max(0, deadline - System.nanoTime());
            if (!executor.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.stop(0);
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("stopped after {} requests; {}", answered.get(), endpoints.searchSummary());
    }
}
