// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

// tag::specs[]
import io.github.gae4j.runtime.model.LossSpec;
import io.github.gae4j.runtime.model.ModelSpec;
import java.util.List;
// end::specs[]

/** README, "Use it as a library": a spec changed part by part, loss weights by name, list options as lists. */
final class SpecsExample {

    private SpecsExample() {}

    // tag::specs[]
    static ModelSpec deeperVgaeWithHalfTheKl() {
        return ModelSpec.vgae()
                .withEncoder("vgae", "hidden", List.of(64, 32)) // a List, an int[] or the text "64,32": the same
                .withLosses(LossSpec.of("weighted-bce"), LossSpec.of("kl").weight(0.5));
    }
    // end::specs[]
}
