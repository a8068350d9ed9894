// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * gae-spark's packages, bottom to top: each may use those below it, never one above, and no two depend on each
 * other in a cycle. The engines (io, split, infer, predict, train) know nothing of the command line; training uses
 * the distributed embedding and the decoder carrier for its validation. The classes are imported once for both rules
 * (per-class instance).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkLayeringTest {

    static final List<String> LAYERS =
            List.of("graph", "model", "io", "split", "infer", "predict", "train", "bench", "cli");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.gae4j.spark");

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        Architectures.LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : LAYERS) {
            rule = rule.layer(layer).definedBy("io.github.gae4j.spark." + layer + "..");
        }
        for (int k = 0; k < LAYERS.size() - 1; k++) {
            rule = rule.whereLayer(LAYERS.get(k))
                    .mayOnlyBeAccessedByLayers(
                            LAYERS.subList(k + 1, LAYERS.size()).toArray(String[]::new));
        }
        rule = rule.whereLayer(LAYERS.get(LAYERS.size() - 1)).mayNotBeAccessedByAnyLayer();
        rule.check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.github.gae4j.spark.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }
}
