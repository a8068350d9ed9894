// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.testkit.TestGraphs;
import org.junit.jupiter.api.Test;

/** The README's tune snippet runs: two trials on a small graph give a model file that reads back. */
class TuneExampleTest {

    @Test
    void theSnippetWritesTheWinnersModelFile() {
        String json = TuneExample.bestModelFile(
                TestGraphs.twoCommunities(30, 6, 3L),
                TuneExample.DEFAULTS.withMaxTrials(2).withEpochs(4, 0, 10, 5));
        ModelDescription d = ModelDescriptionFile.parse(json, "snippet");
        assertThat(d.training().seed()).isEqualTo(42);
        assertThat(d.training().epochs()).isEqualTo(4);
        assertThat(d.model().encoder().name()).isEqualTo("gcn");
    }
}
