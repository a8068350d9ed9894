// SPDX-License-Identifier: Apache-2.0
package com.example.gae.sage;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The plugin compiles against gae4j's plugin API (gae-core) alone: none of its classes uses the
 * runtime, the CLI or another plugin module. The POM already gives it nothing else to compile
 * against; this test says so where a reader of the plugin looks, and keeps saying it if the POM grows.
 */
class PluginApiOnlyTest {

    @Test
    void usesGae4jCoreOnly() {
        JavaClasses plugin = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.example.gae.sage");
        assertThat(plugin).isNotEmpty();
        noClasses()
                .should()
                .dependOnClassesThat(
                        resideInAPackage("io.github.gae4j..").and(not(resideInAPackage("io.github.gae4j.core.."))))
                .because("a third-party plugin depends on gae-core, the plugin API, only")
                .check(plugin);
    }
}
