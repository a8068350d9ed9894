// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.planetoid;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NodeSplit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The Planetoid "public split" (Yang, Cohen &amp; Salakhutdinov 2016) that GCN, GAT, DGI and GraphMAE
 * report node classification on, rebuilt from the Planetoid node order of the catalog's
 * {@code cora-planetoid}, {@code citeseer-planetoid} and {@code pubmed} inputs (ids 0..N−1 are the
 * Planetoid indices). In that order the pickles put the 20 labelled training nodes per class first
 * ({@code x}, {@code y}), the 500 validation nodes next (Kipf's {@code range(len(y), len(y) + 500)}),
 * and the 1000 test nodes ({@code test.index}) last: Cora 1708..2707, PubMed 18717..19716, CiteSeer the
 * labelled nodes from 2312 on (its 15 unlabelled padding rows fall inside that range).
 */
public final class PlanetoidSplit {

    /** Training nodes per class, validation and test nodes in the public split. */
    public static final int PER_CLASS = 20;

    public static final int VALIDATION = 500;
    public static final int TEST = 1000;

    /**
     * The public split of a Planetoid graph.
     *
     * @throws GaeException if the graph's node ids are not the Planetoid indices 0..N−1 in order, or it
     *                      has no labels, or too few labelled nodes for the split
     */
    public static NodeSplit of(Graph graph) {
        if (!graph.hasLabels()) {
            throw new GaeException("The Planetoid public split needs labels; this graph has none");
        }
        List<String> ids = graph.nodeIds();
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).equals(Integer.toString(i))) {
                throw new GaeException(String.format(
                        Locale.ROOT,
                        "The Planetoid public split needs node ids 0..N-1 in Planetoid order (the catalog's"
                                + " '*-planetoid' and 'pubmed' inputs); node %d has id '%s'",
                        i,
                        ids.get(i)));
            }
        }
        int[] labels = graph.labels();
        int classes = graph.classNames().size();
        int trainSize = PER_CLASS * classes;
        int[] labelled =
                IntStream.range(0, labels.length).filter(i -> labels[i] >= 0).toArray();
        if (labelled.length < trainSize + VALIDATION + TEST) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "The Planetoid public split needs %d labelled nodes (%d train, %d validation, %d test), the graph"
                            + " has %d",
                    trainSize + VALIDATION + TEST,
                    trainSize,
                    VALIDATION,
                    TEST,
                    labelled.length));
        }
        int[] train = IntStream.range(0, trainSize).toArray();
        int[] validation = IntStream.range(trainSize, trainSize + VALIDATION).toArray();
        for (int[] part : new int[][] {train, validation}) {
            for (int node : part) {
                if (labels[node] < 0) {
                    throw new GaeException("Node " + node + " of the public split's first " + (trainSize + VALIDATION)
                            + " is unlabelled: not a Planetoid node order");
                }
            }
        }
        int[] test = Arrays.copyOfRange(labelled, labelled.length - TEST, labelled.length);
        return new NodeSplit(train, validation, test);
    }

    private PlanetoidSplit() {}
}
