package io.github.gae4j.examples.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.datasets.DataDirectories;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A short smoke run of the reproduce command on Cora: the table and the clustering columns are filled. */
final class ReproduceTest {

    @Test
    void printsThePaperTableWithClusteringScores() {
        Optional<Path> root = DataDirectories.find().filter(r -> r.resolve("planetoid").toFile().isDirectory());
        Assumptions.assumeTrue(root.isPresent(),
                "Planetoid data not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Reproduce.Cell> cells = Reproduce.run(root.get(), List.of("cora"), 2, 40, 2,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(cells).extracting(Reproduce.Cell::model).containsExactly("gae", "vgae");
        for (Reproduce.Cell c : cells) {
            assertThat(c.auc()).hasSize(2);
            for (int s = 0; s < 2; s++) {
                assertThat(c.auc()[s]).as("%s AUC, seed %d", c.model(), s).isBetween(0.7, 1.0);
                assertThat(c.nmi()[s]).as("%s NMI, seed %d", c.model(), s).isBetween(0.0, 1.0);
                assertThat(c.acc()[s]).as("%s ACC, seed %d", c.model(), s).isGreaterThan(1.0 / 7);
            }
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("91.0 / 92.0").contains("91.4 / 92.6")
                .contains("ACC %").contains("NMI %").contains("ARI %");
    }
}
