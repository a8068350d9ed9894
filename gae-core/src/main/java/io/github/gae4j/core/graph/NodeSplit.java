// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import io.github.gae4j.core.error.GaeException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;

/**
 * Which labelled nodes train, select and test a node classifier: three disjoint sets of node
 * indices, as in the Planetoid "public split" (20 labelled nodes per class to train, 500 to
 * validate, 1000 to test) that GCN, GAT and GraphMAE report on.
 */
@SuppressWarnings("ArrayRecordComponent") // equals/hashCode are overridden to compare the arrays' contents
public record NodeSplit(int[] train, int[] validation, int[] test) {

    public NodeSplit {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
        if (train.length == 0 || test.length == 0) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "A node split needs training and test nodes, got %d and %d",
                    train.length,
                    test.length));
        }
        BitSet seen = new BitSet();
        for (int[] part : new int[][] {train, validation, test}) {
            for (int node : part) {
                if (node < 0) {
                    throw new GaeException("Negative node index " + node + " in a node split");
                }
                if (seen.get(node)) {
                    throw new GaeException("Node " + node + " appears twice in a node split");
                }
                seen.set(node);
            }
        }
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeSplit s
                && Arrays.equals(train, s.train)
                && Arrays.equals(validation, s.validation)
                && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(train) + Arrays.hashCode(validation)) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "NodeSplit[train=%d, validation=%d, test=%d]",
                train.length,
                validation.length,
                test.length);
    }
}
