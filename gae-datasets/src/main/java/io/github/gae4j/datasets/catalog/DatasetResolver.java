// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import io.github.gae4j.core.error.DatasetFormatException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the files of a {@link CatalogEntry}: in the first {@link DataRoot} candidate that holds all of them;
 * otherwise, when downloading is on and every missing file has a URL and a SHA-256, by downloading the missing ones
 * into the cache (the first candidate) with a {@link Downloader}. With {@code verify}, files found on disk are
 * checked against the catalog's SHA-256 before use; downloaded files are always checked.
 */
public final class DatasetResolver {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetResolver.class);

    private final DataRoot roots;
    private final Optional<URI> mirror;
    private final boolean download;
    private final boolean verify;
    private final Supplier<Downloader> downloader;

    /**
     * @param roots      where to look, in order; the first candidate is the download cache
     * @param mirror     a base URL mirroring the data-root layout, which replaces the catalog's URLs; or empty
     * @param download   whether missing files may be downloaded
     * @param verify     whether files already on disk are checked against the catalog's SHA-256
     * @param downloader makes the downloader, only when a download is needed
     */
    public DatasetResolver(
            DataRoot roots, Optional<URI> mirror, boolean download, boolean verify, Supplier<Downloader> downloader) {
        this.roots = Objects.requireNonNull(roots, "roots is null");
        this.mirror = Objects.requireNonNull(mirror, "mirror is null");
        this.download = download;
        this.verify = verify;
        this.downloader = Objects.requireNonNull(downloader, "downloader is null");
    }

    /** A resolver that does not download. */
    public static DatasetResolver local(DataRoot roots, boolean verify) {
        return new DatasetResolver(roots, Optional.empty(), false, verify, Downloader::new);
    }

    /**
     * Finds (or downloads) and verifies the files of {@code entry}.
     *
     * @throws DatasetNotFoundException when the files are nowhere and cannot be downloaded; the message lists the
     *                                  places tried and how to fix it
     * @throws DownloadException        when a download fails (nothing is left under the file's name)
     * @throws DatasetFormatException   when a file on disk does not have the catalog's SHA-256 (with {@code verify})
     */
    public ResolvedDataset resolve(CatalogEntry entry) {
        Optional<DataRoot.Candidate> found = roots.locate(entry);
        if (found.isPresent()) {
            DataRoot.Candidate root = found.get();
            List<Path> verified = new ArrayList<>();
            if (verify) {
                for (DatasetFile f : entry.files()) {
                    verifyPresent(entry, f, f.resolveIn(root.directory())).ifPresent(verified::add);
                }
            }
            LOG.info(
                    "Dataset '{}' ({}) found in {} ({}){}",
                    entry.name(),
                    entry.loader(),
                    root.directory(),
                    root.source(),
                    verificationNote(entry, verified));
            return new ResolvedDataset(entry, root.directory(), root.source(), List.of(), verified);
        }
        if (!download) {
            throw notFound(entry, downloadHint(entry));
        }
        DataRoot.Candidate cache = roots.cache();
        Map<DatasetFile, URI> toFetch = new LinkedHashMap<>();
        List<DatasetFile> present = new ArrayList<>();
        for (DatasetFile f : entry.files()) {
            if (Files.isRegularFile(f.resolveIn(cache.directory()))) {
                present.add(f);
                continue;
            }
            Optional<URI> url = entry.urlFor(f, mirror);
            if (url.isEmpty()) {
                throw notFound(
                        entry,
                        "Downloading is on, but no URL is configured for " + f.path() + ": the built-in"
                                + " datasets carry no URL. Set the option base-url (or "
                                + NamedDatasetLoaderFactory.BASE_URL_ENV
                                + ") to a mirror with the data-root layout, or give the entry a base-url or url."
                                + f.option()
                                + " in a catalog file.");
            }
            if (f.sha256().isEmpty()) {
                throw notFound(
                        entry,
                        "Downloading " + f.path() + " from " + url.get() + " needs its SHA-256 to verify" + " it; add "
                                + entry.name() + ".sha256." + f.option() + " to the catalog file.");
            }
            toFetch.put(f, url.get());
        }
        List<Path> verified = new ArrayList<>();
        if (verify) {
            for (DatasetFile f : present) {
                verifyPresent(entry, f, f.resolveIn(cache.directory())).ifPresent(verified::add);
            }
        }
        List<Path> downloaded = new ArrayList<>();
        Downloader d = toFetch.isEmpty() ? null : downloader.get();
        for (Map.Entry<DatasetFile, URI> e : toFetch.entrySet()) {
            DatasetFile f = e.getKey();
            Path target = f.resolveIn(cache.directory());
            d.download(e.getValue(), target, f.sha256().orElseThrow(), f.size());
            downloaded.add(target);
            verified.add(target);
        }
        LOG.info(
                "Dataset '{}' ({}) in {} ({}): downloaded {} file(s){}",
                entry.name(),
                entry.loader(),
                cache.directory(),
                cache.source(),
                downloaded.size(),
                verificationNote(entry, verified));
        return new ResolvedDataset(entry, cache.directory(), cache.source(), downloaded, verified);
    }

    /** Checks a file on disk against the catalog; returns it when it was checked, empty when there is no hash. */
    private static Optional<Path> verifyPresent(CatalogEntry entry, DatasetFile f, Path file) {
        if (f.sha256().isEmpty()) {
            return Optional.empty();
        }
        String expected = f.sha256().get();
        String actual = Sha256.of(file);
        if (!actual.equals(expected)) {
            throw new DatasetFormatException(
                    file,
                    0,
                    String.format(
                            Locale.ROOT,
                            "SHA-256 mismatch for %s of dataset '%s': expected %s, actual %s. The file is damaged or another"
                                    + " version; replace it (delete it and load with download=true when a URL is configured),"
                                    + " or set verify=false to use it anyway",
                            f.path(),
                            entry.name(),
                            expected,
                            actual));
        }
        return Optional.of(file);
    }

    private static String verificationNote(CatalogEntry entry, List<Path> verified) {
        long unverifiable =
                entry.files().stream().filter(f -> f.sha256().isEmpty()).count();
        String note =
                verified.isEmpty() ? "; SHA-256 not checked" : "; SHA-256 of " + verified.size() + " file(s) verified";
        return unverifiable == 0 ? note : note + " (" + unverifiable + " without a SHA-256 in the catalog)";
    }

    private String downloadHint(CatalogEntry entry) {
        List<String> urls = entry.files().stream()
                .map(f -> entry.urlFor(f, mirror))
                .flatMap(Optional::stream)
                .map(URI::toString)
                .collect(Collectors.toList());
        if (!urls.isEmpty()) {
            return "Download URLs are configured (" + String.join(", ", urls) + "): set the option download=true to"
                    + " fetch the files into " + roots.cache().directory() + ".";
        }
        return "No download URL is configured (the built-in datasets carry none); to download, set download=true and"
                + " base-url (or " + NamedDatasetLoaderFactory.BASE_URL_ENV
                + ") to a mirror with the data-root layout.";
    }

    private DatasetNotFoundException notFound(CatalogEntry entry, String downloadAdvice) {
        String files = entry.files().stream().map(DatasetFile::path).collect(Collectors.joining(", "));
        String message = String.format(
                Locale.ROOT,
                "Dataset '%s' not found: its files (%s) are in none of the data directories. Looked in, in order:%s%n"
                        + "To fix: pass the option data-dir (--data-dir) naming a datasets root that holds these"
                        + " files (e.g. ../shared/datasets), set %s to one, or copy the files into %s. %s",
                entry.name(),
                files,
                roots.describeMissing(entry),
                DataRoot.DATA_DIR_ENV,
                roots.candidates().get(roots.candidates().size() - 1).directory(),
                downloadAdvice);
        return new DatasetNotFoundException(entry.name(), message);
    }
}
