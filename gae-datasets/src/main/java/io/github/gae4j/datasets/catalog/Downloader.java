// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import io.github.gae4j.core.io.AtomicFiles;
import io.github.gae4j.core.io.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one file over HTTP(S) into place, verified and atomically:
 * <ol>
 *   <li>GET with {@link HttpClient} (connect timeout; the response headers must arrive within the read timeout;
 *   redirects are followed except from https to http). Any status other than 200 fails.</li>
 *   <li>The body is streamed into a temporary file {@code .<name>.<random>.part} in the target's directory while
 *   its SHA-256 is computed. If no byte arrives for the read timeout, the transfer is aborted.</li>
 *   <li>The byte count must equal the {@code Content-Length} header when there is one (otherwise the response was
 *   truncated) and the expected size when one is known; the SHA-256 must equal the expected one.</li>
 *   <li>The temporary file is forced to disk and renamed to the target with {@link StandardCopyOption#ATOMIC_MOVE}.</li>
 * </ol>
 * On any failure the temporary file is deleted and a {@link DownloadException} names the URL, the target and the
 * problem (for a hash mismatch: the expected and the actual SHA-256). A partial file never appears under the
 * target's name; an existing target is replaced only by a complete, verified file.
 */
public final class Downloader {

    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);

    /** Default time to establish a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);

    /** Default time to wait for the response headers, and for each further piece of the body. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private static final int BUFFER = 1 << 16;

    /**
     * A completed download.
     *
     * @param file   the target
     * @param bytes  its size
     * @param sha256 its SHA-256 (equal to the expected one)
     */
    public record Result(Path file, long bytes, String sha256) {}

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final HttpClient client;

    /** A downloader with the default timeouts. */
    public Downloader() {
        this(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public Downloader(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        this.readTimeout = positive(readTimeout, "readTimeout");
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * Downloads {@code uri} to {@code target} (its directory is created when needed).
     *
     * @param expectedSha256 the SHA-256 the bytes must have (64 hex digits)
     * @param expectedSize   the size the bytes must have, when known
     * @throws DownloadException for every failure; {@code target} is then unchanged
     */
    public Result download(URI uri, Path target, String expectedSha256, OptionalLong expectedSize) {
        Objects.requireNonNull(uri, "uri is null");
        Objects.requireNonNull(expectedSha256, "expectedSha256 is null");
        Objects.requireNonNull(expectedSize, "expectedSize is null");
        Path file = target.toAbsolutePath().normalize();
        String expected = expectedSha256.trim().toLowerCase(Locale.ROOT);
        try {
            DatasetFile.checkHttpUrl(uri, "The download URL");
        } catch (RuntimeException e) {
            throw new DownloadException(uri, file, e.getMessage(), e);
        }
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DownloadException(uri, file, "cannot create the directory " + dir + ": " + IoErrors.reason(e), e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Accept-Encoding", "identity")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new DownloadException(
                    uri,
                    file,
                    "no response within the timeout (connect " + seconds(connectTimeout) + ", read "
                            + seconds(readTimeout) + "): " + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new DownloadException(uri, file, "the request failed: " + IoErrors.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException(uri, file, "interrupted while waiting for the response", e);
        }
        InputStream body = response.body();
        try {
            if (response.statusCode() != 200) {
                throw new DownloadException(
                        uri,
                        file,
                        "the server answered HTTP " + response.statusCode()
                                + " (expected 200); check the URL (base-url / " + NamedDatasetLoaderFactory.BASE_URL_ENV
                                + " must mirror the data-root layout)");
            }
            OptionalLong contentLength = response.headers().firstValueAsLong("Content-Length");
            if (contentLength.isPresent()
                    && expectedSize.isPresent()
                    && contentLength.getAsLong() != expectedSize.getAsLong()) {
                throw new DownloadException(
                        uri,
                        file,
                        String.format(
                                Locale.ROOT,
                                "the server announces %d bytes (Content-Length) but the catalog expects %d; not downloading",
                                contentLength.getAsLong(),
                                expectedSize.getAsLong()));
            }
            return receive(uri, file, body, contentLength, expected, expectedSize);
        } finally {
            closeQuietly(uri, body);
        }
    }

    private static void closeQuietly(URI uri, InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            LOG.debug("Closing the response body of {} failed", uri, e);
        }
    }

    private Result receive(
            URI uri,
            Path file,
            InputStream body,
            OptionalLong contentLength,
            String expectedSha256,
            OptionalLong expectedSize) {
        Path tmp;
        try {
            tmp = AtomicFiles.newTempSibling(file);
        } catch (IOException e) {
            throw new DownloadException(
                    uri,
                    file,
                    "cannot create a temporary file in " + file.getParent() + ": " + IoErrors.describe(e),
                    e);
        }
        boolean moved = false;
        try {
            MessageDigest md = Sha256.digest();
            long bytes = copy(uri, file, body, tmp, md, contentLength, expectedSize);
            String what = contentLength.isPresent()
                    ? " of " + contentLength.getAsLong() + " announced by" + " Content-Length"
                    : "";
            if (contentLength.isPresent() && bytes != contentLength.getAsLong()) {
                throw new DownloadException(
                        uri,
                        file,
                        String.format(Locale.ROOT, "the response was truncated: received %d bytes%s", bytes, what));
            }
            if (expectedSize.isPresent() && bytes != expectedSize.getAsLong()) {
                throw new DownloadException(
                        uri,
                        file,
                        String.format(
                                Locale.ROOT,
                                "received %d bytes but the catalog expects %d",
                                bytes,
                                expectedSize.getAsLong()));
            }
            String actual = Sha256.hex(md.digest());
            if (!actual.equals(expectedSha256)) {
                throw new DownloadException(
                        uri,
                        file,
                        String.format(
                                Locale.ROOT,
                                "SHA-256 mismatch for %s: expected %s, actual %s (%d bytes received); the download was"
                                        + " discarded",
                                file.getFileName(),
                                expectedSha256,
                                actual,
                                bytes));
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new DownloadException(
                        uri,
                        file,
                        "the file system cannot rename " + tmp.getFileName() + " atomically into place: "
                                + IoErrors.reason(e),
                        e);
            } catch (IOException e) {
                throw new DownloadException(
                        uri, file, "cannot rename " + tmp.getFileName() + " into place: " + IoErrors.reason(e), e);
            }
            moved = true;
            LOG.info("Downloaded {} to {}: {} bytes, SHA-256 {} verified", uri, file, bytes, actual);
            return new Result(file, bytes, actual);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("Could not delete the temporary file {} of a failed download: {}", tmp, e.toString());
                }
            }
        }
    }

    /** Streams the body into {@code tmp} and the digest; aborts after {@link #readTimeout} without data. */
    private long copy(
            URI uri,
            Path file,
            InputStream body,
            Path tmp,
            MessageDigest md,
            OptionalLong contentLength,
            OptionalLong expectedSize) {
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        long timeoutNanos = readTimeout.toNanos();
        long periodMillis = Math.max(10, Math.min(1000, readTimeout.toMillis() / 4));
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gae4j-download-watchdog");
            t.setDaemon(true);
            return t;
        });
        long bytes = 0;
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            // Nothing to wait for: the task only closes the stream, and shutdownNow() below ends it.
            ScheduledFuture<?> unused = watchdog.scheduleAtFixedRate(
                    () -> {
                        if (System.nanoTime() - lastProgress.get() > timeoutNanos
                                && stalled.compareAndSet(false, true)) {
                            closeQuietly(uri, body); // unblocks the reading thread
                        }
                    },
                    periodMillis,
                    periodMillis,
                    TimeUnit.MILLISECONDS);
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = body.read(buffer)) >= 0; ) {
                if (stalled.get()) {
                    break;
                }
                lastProgress.set(System.nanoTime());
                md.update(buffer, 0, n);
                ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
                bytes += n;
                if (expectedSize.isPresent() && bytes > expectedSize.getAsLong()) {
                    throw new DownloadException(
                            uri,
                            file,
                            String.format(
                                    Locale.ROOT,
                                    "received more than the %d bytes the catalog expects; aborted",
                                    expectedSize.getAsLong()));
                }
            }
            if (stalled.get()) {
                throw stalled(uri, file, bytes, contentLength, null);
            }
            out.force(true);
            return bytes;
        } catch (IOException e) {
            if (stalled.get()) {
                throw stalled(uri, file, bytes, contentLength, e);
            }
            if (Files.notExists(tmp)) {
                throw new DownloadException(
                        uri, file, "the temporary file " + tmp + " vanished: " + IoErrors.reason(e), e);
            }
            String of = contentLength.isPresent()
                    ? " of " + contentLength.getAsLong() + " announced by Content-Length"
                    : "";
            throw new DownloadException(
                    uri,
                    file,
                    String.format(
                            Locale.ROOT,
                            "the transfer broke off after %d bytes%s (truncated response): %s",
                            bytes,
                            of,
                            IoErrors.reason(e)),
                    e);
        } finally {
            watchdog.shutdownNow();
        }
    }

    private DownloadException stalled(URI uri, Path file, long bytes, OptionalLong contentLength, Throwable cause) {
        String of = contentLength.isPresent() ? " of " + contentLength.getAsLong() : "";
        return new DownloadException(
                uri,
                file,
                String.format(
                        Locale.ROOT,
                        "no data for %s after %d bytes%s; aborted (read timeout)",
                        seconds(readTimeout),
                        bytes,
                        of),
                cause);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what + " is null");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "Downloader[connect " + seconds(connectTimeout) + ", read " + seconds(readTimeout) + "]";
    }
}
