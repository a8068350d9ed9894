// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import static io.github.gae4j.datasets.catalog.CatalogFixtures.SNAP_EDGES;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.assertNoPartialFiles;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.filesUnder;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.utf8;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The downloader against an HTTP server on 127.0.0.1 that each test starts. */
@Timeout(60)
final class DownloaderTest {

    private static final String SHA = Sha256.of(SNAP_EDGES);
    private static final OptionalLong SIZE = OptionalLong.of(SNAP_EDGES.length);

    @TempDir
    Path dir;

    private LoopbackHttpServer server;
    private final Downloader downloader = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(5));

    @BeforeEach
    void startServer() {
        server = LoopbackHttpServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void downloadsVerifiesAndRenamesIntoPlace() throws IOException {
        server.serve("snap/edges.txt.gz", SNAP_EDGES);
        Path target = dir.resolve("cache/snap/edges.txt.gz");

        Downloader.Result r = downloader.download(server.url("snap/edges.txt.gz"), target, SHA, SIZE);

        assertThat(r.file()).isEqualTo(target.toAbsolutePath().normalize());
        assertThat(r.bytes()).isEqualTo(SNAP_EDGES.length);
        assertThat(r.sha256()).isEqualTo(SHA);
        assertThat(Files.readAllBytes(target)).isEqualTo(SNAP_EDGES);
        assertThat(filesUnder(dir)).containsExactly("cache/snap/edges.txt.gz");
        assertThat(server.requests()).containsExactly("/snap/edges.txt.gz");
    }

    @Test
    void sizeIsOptional() {
        server.serve("e.txt.gz", SNAP_EDGES);

        Downloader.Result r =
                downloader.download(server.url("e.txt.gz"), dir.resolve("e.txt.gz"), SHA, OptionalLong.empty());

        assertThat(r.bytes()).isEqualTo(SNAP_EDGES.length);
    }

    @Test
    void corruptedResponseFailsNamingFileAndBothHashesAndLeavesNoFile() {
        byte[] corrupted = SNAP_EDGES.clone();
        corrupted[corrupted.length / 2] ^= 0x5a;
        server.serve("snap/edges.txt.gz", corrupted);
        Path target = dir.resolve("snap/edges.txt.gz");

        assertThatThrownBy(() -> downloader.download(server.url("snap/edges.txt.gz"), target, SHA, SIZE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("SHA-256 mismatch for edges.txt.gz")
                .hasMessageContaining(target.toAbsolutePath().toString())
                .hasMessageContaining("expected " + SHA)
                .hasMessageContaining("actual " + Sha256.of(corrupted))
                .hasMessageContaining(server.url("snap/edges.txt.gz").toString());
        assertThat(target).doesNotExist();
        assertThat(filesUnder(dir)).isEmpty();
    }

    @Test
    void truncatedResponseFailsAndLeavesNoFile() {
        byte[] half = Arrays.copyOf(SNAP_EDGES, SNAP_EDGES.length / 2);
        server.truncated("snap/edges.txt.gz", half, SNAP_EDGES.length);
        Path target = dir.resolve("snap/edges.txt.gz");

        assertThatThrownBy(() -> downloader.download(server.url("snap/edges.txt.gz"), target, SHA, SIZE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining(target.toAbsolutePath().toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("of " + SNAP_EDGES.length);
        assertThat(target).doesNotExist();
        assertThat(filesUnder(dir)).isEmpty();
    }

    @Test
    void truncatedResponseWithoutAKnownSizeStillFails() {
        byte[] body = utf8("1\t2\n2\t3\n");
        server.truncated("e.txt", body, body.length + 1000);
        Path target = dir.resolve("e.txt");

        assertThatThrownBy(
                        () -> downloader.download(server.url("e.txt"), target, Sha256.of(body), OptionalLong.empty()))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("truncated");
        assertThat(filesUnder(dir)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 403, 500})
    void statusOtherThan200Fails(int status) {
        server.status("snap/edges.txt.gz", status);
        Path target = dir.resolve("snap/edges.txt.gz");

        assertThatThrownBy(() -> downloader.download(server.url("snap/edges.txt.gz"), target, SHA, SIZE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("HTTP " + status + " (expected 200)")
                .hasMessageContaining(server.url("snap/edges.txt.gz").toString());
        assertThat(filesUnder(dir)).isEmpty();
    }

    @Test
    void unknownPathIs404() {
        assertThatThrownBy(
                        () -> downloader.download(server.url("nothing/here.npz"), dir.resolve("here.npz"), SHA, SIZE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void stalledTransferIsAbortedAfterTheReadTimeout() {
        server.stalled("e.txt.gz", Arrays.copyOf(SNAP_EDGES, 10), SNAP_EDGES.length);
        Downloader impatient = new Downloader(Duration.ofSeconds(5), Duration.ofMillis(300));
        long start = System.nanoTime();

        assertThatThrownBy(() -> impatient.download(server.url("e.txt.gz"), dir.resolve("e.txt.gz"), SHA, SIZE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("no data for 300 ms after 10 bytes of " + SNAP_EDGES.length);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(filesUnder(dir)).isEmpty();
    }

    @Test
    void whileBytesArriveTheyGoToATemporaryFileNeverToTheFinalName() throws Exception {
        server.stalled("snap/edges.txt.gz", Arrays.copyOf(SNAP_EDGES, 10), SNAP_EDGES.length);
        Downloader slow = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(2));
        Path target = dir.resolve("snap/edges.txt.gz");
        CompletableFuture<Downloader.Result> running =
                CompletableFuture.supplyAsync(() -> slow.download(server.url("snap/edges.txt.gz"), target, SHA, SIZE));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> during = filesUnder(dir);
        while (during.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            during = filesUnder(dir);
        }

        assertThat(during)
                .singleElement()
                .asString()
                .startsWith("snap/.edges.txt.gz.")
                .endsWith(".part");
        assertThat(target).doesNotExist();
        assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("read timeout");
        assertThat(filesUnder(dir)).isEmpty();
    }

    @Test
    void announcedLengthOtherThanTheCatalogSizeIsRefusedBeforeReading() {
        server.serve("e.txt.gz", utf8("something else entirely"));

        assertThatThrownBy(() -> downloader.download(server.url("e.txt.gz"), dir.resolve("e.txt.gz"), SHA, SIZE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining(
                        "announces 23 bytes (Content-Length) but the catalog expects " + SNAP_EDGES.length);
        assertThat(filesUnder(dir)).isEmpty();
    }

    @Test
    void failedDownloadLeavesAnExistingFileUntouched() throws IOException {
        Path target = write(dir.resolve("snap/edges.txt.gz"), utf8("old contents"));
        byte[] corrupted = SNAP_EDGES.clone();
        corrupted[0] ^= 1;
        server.serve("snap/edges.txt.gz", corrupted);

        assertThatThrownBy(() -> downloader.download(server.url("snap/edges.txt.gz"), target, SHA, SIZE))
                .isInstanceOf(DownloadException.class);
        assertThat(Files.readString(target)).isEqualTo("old contents");
        assertThat(filesUnder(dir)).containsExactly("snap/edges.txt.gz");
    }

    @Test
    void successfulDownloadReplacesAnExistingFile() throws IOException {
        Path target = write(dir.resolve("snap/edges.txt.gz"), utf8("old contents"));
        server.serve("snap/edges.txt.gz", SNAP_EDGES);

        downloader.download(server.url("snap/edges.txt.gz"), target, SHA, SIZE);

        assertThat(Files.readAllBytes(target)).isEqualTo(SNAP_EDGES);
        assertNoPartialFiles(dir);
    }

    @Test
    void refusedConnectionFails() {
        URI url;
        try (LoopbackHttpServer gone = LoopbackHttpServer.start()) {
            url = gone.url("e.txt.gz");
        }

        assertThatThrownBy(() -> downloader.download(url, dir.resolve("e.txt.gz"), SHA, SIZE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("the request failed");
        assertThat(filesUnder(dir)).isEmpty();
    }

    @Test
    void onlyHttpAndHttpsUrlsAreAccepted() {
        assertThatThrownBy(() -> downloader.download(URI.create("file:///etc/hostname"), dir.resolve("x"), SHA, SIZE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("http:// or https://");
        assertThat(filesUnder(dir)).isEmpty();
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> new Downloader(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectTimeout");
    }
}
