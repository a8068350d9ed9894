// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@link NpzLoader} read from an {@code .npz} archive and what it dropped, merged or skipped, and why.
 * Every stored adjacency entry is accounted for:
 * {@code adjacencyEntries = edges + selfLoopsDropped + zeroEntriesDropped + duplicateEntriesMerged + reciprocalEntriesMerged}.
 *
 * @param file                    the archive
 * @param name                    the dataset name (file name without {@code .npz})
 * @param features                the feature policy used
 * @param nodes                   nodes (rows of the adjacency)
 * @param edges                   undirected edges without self-loops
 * @param adjacencySource         the entries the adjacency came from, e.g. {@code adj_data/adj_indices/adj_indptr/adj_shape}
 * @param adjacencyEntries        stored adjacency entries (CSR nnz, or non-zeros of a dense matrix)
 * @param selfLoopsDropped        entries on the diagonal (the model adds I itself)
 * @param zeroEntriesDropped      explicitly stored zeros (not edges)
 * @param duplicateEntriesMerged  entries repeating an earlier (row, column)
 * @param reciprocalEntriesMerged entries A[j,i] whose A[i,j] is stored too (same undirected edge)
 * @param weightedEntries         entries with a value other than 0 and 1, read as edges (binarised)
 * @param featureSource           the entries the features came from, or null for none (X = I)
 * @param featureDim              feature columns (0 without features)
 * @param featureNonZeros         stored feature values (for dense features: the non-zero values)
 * @param denseFeatures           true if the features came from a dense 2-D array
 * @param classes                 number of classes (0 without labels)
 * @param unlabelledNodes         nodes with label -1 or an all-zero one-hot row
 * @param nodeIdSource            {@code node_names}, or null when nodes are numbered 0..N-1
 * @param skipped                 entries not used, each with its reason
 */
public record NpzReport(
        Path file,
        String name,
        FeaturePolicy features,
        int nodes,
        int edges,
        String adjacencySource,
        long adjacencyEntries,
        long selfLoopsDropped,
        long zeroEntriesDropped,
        long duplicateEntriesMerged,
        long reciprocalEntriesMerged,
        long weightedEntries,
        String featureSource,
        int featureDim,
        long featureNonZeros,
        boolean denseFeatures,
        int classes,
        int unlabelledNodes,
        String nodeIdSource,
        List<SkippedEntry> skipped) {

    /**
     * An archive entry the loader did not use.
     *
     * @param entry  the entry name, e.g. {@code metadata.npy}
     * @param dtype  its dtype and shape, or what was wrong with its header
     * @param reason why it was not used
     * @param pickled true for a pickled Python object array (descr {@code O}), which Java cannot read
     */
    public record SkippedEntry(String entry, String dtype, String reason, boolean pickled) {

        public SkippedEntry {
            Objects.requireNonNull(entry, "entry is null");
            Objects.requireNonNull(dtype, "dtype is null");
            Objects.requireNonNull(reason, "reason is null");
        }

        @Override
        public String toString() {
            return entry + " (" + reason + ")";
        }
    }

    public NpzReport {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(features, "features is null");
        Objects.requireNonNull(adjacencySource, "adjacencySource is null");
        skipped = List.copyOf(skipped);
    }

    /** True when every edge was stored in both directions (A = Aᵀ apart from the diagonal). */
    public boolean symmetricInput() {
        return reciprocalEntriesMerged == edges && duplicateEntriesMerged == 0;
    }

    /** The entries that are pickled object arrays, which could not be read. */
    public List<String> pickledEntries() {
        return skipped.stream()
                .filter(SkippedEntry::pickled)
                .map(SkippedEntry::entry)
                .toList();
    }

    /** The one line {@link NpzLoader} logs at INFO. */
    public String summary() {
        String featurePart = featureSource == null
                ? "no features (X = I)"
                : String.format(
                        Locale.ROOT,
                        "%d %s features (%d non-zero, from %s)",
                        featureDim,
                        denseFeatures ? "dense" : "sparse",
                        featureNonZeros,
                        featureSource);
        String labelPart = classes == 0
                ? "no labels"
                : String.format(Locale.ROOT, "%d classes, %d unlabelled nodes", classes, unlabelledNodes);
        String idPart = nodeIdSource == null ? "nodes numbered 0..N-1" : "node ids from " + nodeIdSource;
        String symmetry = symmetricInput() ? "input symmetric" : "input not symmetric, symmetrised as A or A^T";
        String weighted = weightedEntries == 0
                ? ""
                : String.format(Locale.ROOT, ", binarised %d weighted entries", weightedEntries);
        String skippedPart = skipped.isEmpty()
                ? "no entries skipped"
                : "skipped " + skipped.size() + " entries: "
                        + skipped.stream().map(SkippedEntry::toString).collect(Collectors.joining("; "));
        return String.format(
                Locale.ROOT,
                "Read npz '%s' (features=%s) from %s: %d nodes, %d undirected edges, %s, %s, %s; of %d adjacency"
                        + " entries (%s): dropped %d self-loops and %d explicit zeros, merged %d duplicate and %d"
                        + " reciprocal entries (%s)%s; %s",
                name,
                features,
                file,
                nodes,
                edges,
                featurePart,
                labelPart,
                idPart,
                adjacencyEntries,
                adjacencySource,
                selfLoopsDropped,
                zeroEntriesDropped,
                duplicateEntriesMerged,
                reciprocalEntriesMerged,
                symmetry,
                weighted,
                skippedPart);
    }
}
