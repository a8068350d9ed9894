// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import io.github.gae4j.core.error.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One file a catalog entry needs.
 *
 * @param option the loader option that receives the file's absolute path ({@code path}, {@code cites}, …)
 * @param path   the file relative to a data root, with {@code /} separators (e.g. {@code linqs/cora/cora.cites});
 *               never absolute and never leaving the root ({@code ..})
 * @param sha256 the expected SHA-256 of the file's bytes, 64 lowercase hex digits, or empty when unknown
 *               (then the file cannot be verified or downloaded)
 * @param size   the expected size in bytes, or empty when unknown
 * @param url    where to download this very file from (overrides the entry's base URL), or empty
 */
public record DatasetFile(String option, String path, Optional<String> sha256, OptionalLong size, Optional<URI> url) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+-]+");

    public DatasetFile {
        Objects.requireNonNull(option, "option is null");
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(sha256, "sha256 is null");
        Objects.requireNonNull(size, "size is null");
        Objects.requireNonNull(url, "url is null");
        checkRelativePath(path);
        sha256 = sha256.map(s -> s.trim().toLowerCase(Locale.ROOT));
        sha256.ifPresent(s -> {
            if (!HEX64.matcher(s).matches()) {
                throw new ConfigException(
                        "SHA-256 of dataset file '" + path + "' must be 64 hex digits, got '" + s + "'");
            }
        });
        size.ifPresent(n -> {
            if (n < 0) {
                throw new ConfigException("Size of dataset file '" + path + "' must be >= 0 bytes, got " + n);
            }
        });
        url.ifPresent(u -> checkHttpUrl(u, "URL of dataset file '" + path + "'"));
    }

    /** A built-in file: known hash and size, no URL. */
    public static DatasetFile of(String option, String path, String sha256, long size) {
        return new DatasetFile(option, path, Optional.of(sha256), OptionalLong.of(size), Optional.empty());
    }

    /** The file under {@code root}. */
    public Path resolveIn(Path root) {
        return root.resolve(path);
    }

    /** This file's URL under a base URL that mirrors the data-root layout ({@code base + path}). */
    public URI under(URI base) {
        String b = base.toString();
        URI dir = URI.create(b.endsWith("/") ? b : b + "/");
        try {
            // The single-argument-path constructor percent-encodes what a URI path may not contain.
            return dir.resolve(new URI(null, null, path, null));
        } catch (URISyntaxException e) {
            throw new ConfigException(
                    "Cannot form a URL from base '" + base + "' and file '" + path + "': " + e.getMessage(), e);
        }
    }

    /** Rejects absolute paths, empty segments, {@code .} and {@code ..}, and backslashes. */
    static void checkRelativePath(String path) {
        String problem = null;
        if (path.isEmpty()) {
            problem = "is empty";
        } else if (path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            problem = "must be relative to the data root, with / separators";
        } else {
            for (String segment : path.split("/", -1)) {
                if (segment.equals(".")
                        || segment.equals("..")
                        || !SEGMENT.matcher(segment).matches()) {
                    problem = "has the segment '" + segment + "'; use plain names of letters, digits and . _ + -"
                            + " (no '.', '..' or empty segments)";
                    break;
                }
            }
        }
        if (problem != null) {
            throw new ConfigException("Dataset file path '" + path + "' " + problem);
        }
    }

    /** An absolute {@code http} or {@code https} URL with a host; anything else fails naming {@code what}. */
    static URI checkHttpUrl(URI uri, String what) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ConfigException(
                    what + " must be an absolute http:// or https:// URL with a host, got '" + uri + "'");
        }
        return uri;
    }

    /** Parses and checks an http(s) URL given as text. */
    static URI parseHttpUrl(String text, String what) {
        try {
            return checkHttpUrl(new URI(text.trim()), what);
        } catch (URISyntaxException e) {
            throw new ConfigException(what + " is not a valid URL: '" + text + "' (" + e.getMessage() + ")", e);
        }
    }
}
