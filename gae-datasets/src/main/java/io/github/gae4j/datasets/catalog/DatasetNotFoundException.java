// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import io.github.gae4j.core.error.GaeException;

/**
 * The files of a named dataset are in none of the data directories and cannot be downloaded (no URL is
 * configured, or downloading is off). The message lists the places tried, what is missing in each, and how to
 * fix it.
 */
public class DatasetNotFoundException extends GaeException {

    private static final long serialVersionUID = 1L;

    private final String dataset;

    public DatasetNotFoundException(String dataset, String message) {
        super(message);
        this.dataset = dataset;
    }

    /** The dataset's name. */
    public String dataset() {
        return dataset;
    }
}
