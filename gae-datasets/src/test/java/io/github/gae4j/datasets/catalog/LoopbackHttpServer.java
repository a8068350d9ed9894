// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP server on the loopback address and an ephemeral port, for download tests only. Each path gets a canned
 * response: the bytes, a status, a truncated body (a Content-Length larger than the bytes sent, then the connection
 * is closed) or a stalled body (some bytes, then nothing until the server is closed). Unknown paths get 404.
 */
final class LoopbackHttpServer implements AutoCloseable {

    private enum Mode {
        OK,
        STATUS,
        TRUNCATED,
        STALLED
    }

    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    private record Canned(Mode mode, int status, byte[] body, long declaredLength) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Canned> responses = new ConcurrentHashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private LoopbackHttpServer() {
        try {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "loopback-http-test");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static LoopbackHttpServer start() {
        return new LoopbackHttpServer();
    }

    /** {@code http://127.0.0.1:<port>/} (the loopback address, never a name to resolve). */
    URI base() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/");
    }

    /** The URL of {@code path} (without a leading slash). */
    URI url(String path) {
        return base().resolve(path);
    }

    LoopbackHttpServer serve(String path, byte[] body) {
        responses.put("/" + path, new Canned(Mode.OK, 200, body.clone(), body.length));
        return this;
    }

    LoopbackHttpServer status(String path, int status) {
        responses.put("/" + path, new Canned(Mode.STATUS, status, new byte[0], 0));
        return this;
    }

    /** Announces {@code declaredLength} bytes, sends {@code body} (shorter), then closes the connection. */
    LoopbackHttpServer truncated(String path, byte[] body, long declaredLength) {
        responses.put("/" + path, new Canned(Mode.TRUNCATED, 200, body.clone(), declaredLength));
        return this;
    }

    /** Announces {@code declaredLength} bytes, sends {@code body}, then sends nothing until {@link #close()}. */
    LoopbackHttpServer stalled(String path, byte[] body, long declaredLength) {
        responses.put("/" + path, new Canned(Mode.STALLED, 200, body.clone(), declaredLength));
        return this;
    }

    /** The paths requested so far, in order. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        synchronized (requests) {
            requests.add(path);
        }
        Canned c = responses.getOrDefault(path, new Canned(Mode.STATUS, 404, new byte[0], 0));
        try {
            switch (c.mode()) {
                case STATUS -> exchange.sendResponseHeaders(c.status(), -1);
                case OK -> {
                    exchange.sendResponseHeaders(200, c.body().length == 0 ? -1 : c.body().length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(c.body());
                    }
                }
                case TRUNCATED, STALLED -> {
                    exchange.sendResponseHeaders(200, c.declaredLength());
                    OutputStream out = exchange.getResponseBody();
                    out.write(c.body());
                    out.flush();
                    if (c.mode() == Mode.STALLED) {
                        closing.await(30, TimeUnit.SECONDS);
                    }
                }
                default -> throw new IllegalStateException(c.mode().toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // With fewer bytes written than announced, closing the exchange closes the connection.
            exchange.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
