// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import io.github.gae4j.core.error.GaeException;
import java.net.URI;
import java.nio.file.Path;

/**
 * A dataset file could not be downloaded: the server answered with another status than 200, the transfer failed,
 * timed out or was cut short, or the bytes did not have the expected size or SHA-256. The message names the URL,
 * the target file and the problem. Nothing is left under the target's name.
 */
public class DownloadException extends GaeException {

    private static final long serialVersionUID = 1L;

    private final transient URI uri;
    private final transient Path target;

    public DownloadException(URI uri, Path target, String problem) {
        super(format(uri, target, problem));
        this.uri = uri;
        this.target = target;
    }

    public DownloadException(URI uri, Path target, String problem, Throwable cause) {
        super(format(uri, target, problem), cause);
        this.uri = uri;
        this.target = target;
    }

    public URI uri() {
        return uri;
    }

    public Path target() {
        return target;
    }

    private static String format(URI uri, Path target, String problem) {
        return "Download of " + uri + " to " + target + " failed: " + problem;
    }
}
