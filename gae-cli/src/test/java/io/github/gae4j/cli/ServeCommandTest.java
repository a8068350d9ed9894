// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gae serve} on a trained run: port 0, the printed URL answers, a stop signal shuts it down gracefully. */
final class ServeCommandTest {

    @TempDir
    static Path dir;

    static Path run;

    @BeforeAll
    static void trainOnce() {
        run = dir.resolve("run");
        Cli train = Cli.run(TrainEvalEmbedTest.concat(
                new String[] {"train", "--epochs", "5", "--seed", "3", "--no-report", "--out", run.toString()},
                TrainEvalEmbedTest.SMALL));
        assertThat(train.exitCode()).as(train.toString()).isZero();
    }

    /**
     * A real {@code gae serve} in a child JVM (this test's class path), stopped by a real SIGTERM: the shutdown hook
     * lets the answered requests finish and the server says so before the JVM exits with the signal's code.
     */
    @Test
    void servesTheRunUntilStopped() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("serve.out");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        GaeCommand.class.getName(),
                        "serve",
                        run.toString(),
                        "--port",
                        "0",
                        "--threads",
                        "2")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            URI base = awaitUrl(log, process);
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> health = client.send(
                    HttpRequest.newBuilder(base.resolve("/health"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
            HttpResponse<String> model = client.send(
                    HttpRequest.newBuilder(base.resolve("/model"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode m = new ObjectMapper().readTree(model.body());
            assertThat(m.get("nodes").asInt()).isEqualTo(300);
            assertThat(m.get("decoder").asText()).isNotBlank();
            assertThat(m.get("provenance").get("dataset").get("nodes").asInt()).isEqualTo(300);
            assertThat(m.get("model").get("encoder").get("name").asText()).isNotBlank();

            process.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the same shutdown hook
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = Files.readString(log);
            assertThat(process.exitValue()).as(out).isEqualTo(143);
            assertThat(out)
                    .contains("gae serve: stopping; letting requests in flight finish", "stopped after 2 requests");
        } finally {
            process.destroyForcibly();
        }
    }

    private static URI awaitUrl(Path log, Process process) throws Exception {
        Pattern listening = Pattern.compile("listening on (http://\\S+/)");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            String out = Files.exists(log) ? Files.readString(log) : "";
            Matcher m = listening.matcher(out);
            if (m.find()) {
                return URI.create(m.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError("gae serve ended early with " + process.exitValue() + ":\n" + out);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("gae serve printed no URL:\n" + Files.readString(log));
    }

    @Test
    void helpListsTheEndpointsAndLimits() {
        Cli help = Cli.run("serve", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains(
                        "GET  /topk?node=ID&k=K",
                        "POST /score",
                        "GET  /embedding?node=ID",
                        "k ≤ 1000",
                        "--include-heldout");
    }

    @Test
    void badArgumentsExit2() throws java.io.IOException {
        Cli noPort = Cli.run("serve", run.toString());
        assertThat(noPort.exitCode()).isEqualTo(2);
        assertThat(noPort.err()).contains("--port");
        Cli badPort = Cli.run("serve", run.toString(), "--port", "70000");
        assertThat(badPort.exitCode()).as(badPort.toString()).isEqualTo(2);
        assertThat(badPort.err()).contains("--port must be between 0 (any free port) and 65535, got 70000");
        Cli noRun = Cli.run("serve", dir.resolve("missing").toString(), "--port", "0");
        assertThat(noRun.exitCode()).isEqualTo(2);
        assertThat(noRun.err()).contains("no such file or run directory");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Cli inUse = Cli.run("serve", run.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertThat(inUse.exitCode()).as(inUse.toString()).isEqualTo(2);
            assertThat(inUse.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
        Cli badSearch = Cli.run("serve", run.toString(), "--port", "0", "--search", "fast");
        assertThat(badSearch.exitCode()).isEqualTo(2);
        assertThat(badSearch.err()).contains("--search");
    }
}
