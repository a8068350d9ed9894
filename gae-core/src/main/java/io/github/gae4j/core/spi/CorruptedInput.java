// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.graph.EdgeList;
import java.util.Arrays;
import java.util.Objects;

/**
 * The encoder's input after corruption, and what was hidden from it: the nodes whose features
 * were masked (sorted, distinct) and the training edges removed (each undirected edge once).
 * Losses read these to reconstruct the hidden parts (masked-feature and masked-edge training).
 */
@SuppressWarnings("ArrayRecordComponent") // equals/hashCode are overridden to compare the arrays' contents
public record CorruptedInput(GraphInput input, int[] maskedNodes, EdgeList removedEdges) {

    public CorruptedInput {
        Objects.requireNonNull(input, "input is null");
        Objects.requireNonNull(maskedNodes, "maskedNodes is null");
        Objects.requireNonNull(removedEdges, "removedEdges is null");
        maskedNodes = maskedNodes.clone();
    }

    /** Nothing corrupted. */
    public static CorruptedInput clean(GraphInput input) {
        return new CorruptedInput(input, new int[0], EdgeList.empty());
    }

    public boolean isClean() {
        return maskedNodes.length == 0 && removedEdges.size() == 0;
    }

    /** A further corruption on top of this one: the new input, masked nodes merged, removed edges appended. */
    public CorruptedInput then(GraphInput newInput, int[] moreMaskedNodes, EdgeList moreRemovedEdges) {
        int[] merged = Arrays.stream(concat(maskedNodes, moreMaskedNodes))
                .sorted()
                .distinct()
                .toArray();
        return new CorruptedInput(newInput, merged, removedEdges.concat(moreRemovedEdges));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public int[] maskedNodes() {
        return maskedNodes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorruptedInput c
                && input.equals(c.input)
                && Arrays.equals(maskedNodes, c.maskedNodes)
                && removedEdges.equals(c.removedEdges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(input, Arrays.hashCode(maskedNodes), removedEdges);
    }

    @Override
    public String toString() {
        return "CorruptedInput[" + maskedNodes.length + " masked nodes, " + removedEdges.size() + " removed edges]";
    }
}
