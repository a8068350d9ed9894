// SPDX-License-Identifier: Apache-2.0
package com.example.gae.sage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.UnknownComponentException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin as an application meets it: its compiled classes behind their own {@link URLClassLoader},
 * over a parent that has gae4j and the built-in plugins but cannot see this module's classes.
 */
final class SeparateClassLoaderTest {

    private static final Path PLUGIN_CLASSES =
            Path.of("target/classes").toAbsolutePath().normalize();
    private static final long SEED = 42;

    @Test
    void pluginLoadedThroughItsOwnClassLoaderIsSelectableAndTrainsAGae() throws IOException {
        assertThat(PLUGIN_CLASSES.resolve("META-INF/services/io.github.gae4j.core.spi.GaePlugin"))
                .exists();
        ClassLoader parent = new HidingClassLoader(getClass().getClassLoader(), PLUGIN_CLASSES);

        PluginRegistry parentOnly = PluginRegistry.discover(parent);
        assertThat(parentOnly.factories(ComponentKind.ENCODER))
                .containsKey("gcn")
                .doesNotContainKey("sage-mean");
        assertThatThrownBy(() -> parentOnly.factory(ComponentKind.ENCODER, "sage-mean"))
                .isInstanceOf(UnknownComponentException.class);

        try (URLClassLoader child = new URLClassLoader(
                "sage-plugin", new URL[] {PLUGIN_CLASSES.toUri().toURL()}, parent)) {
            PluginRegistry registry = PluginRegistry.discover(child);
            assertThat(registry.factories(ComponentKind.ENCODER)).containsKeys("gcn", "sage-mean");
            GaePlugin owner = registry.pluginOf(ComponentKind.ENCODER, "sage-mean");
            assertThat(owner.name()).isEqualTo("gae-example-sage");
            assertThat(owner.getClass().getName()).isEqualTo("com.example.gae.sage.SagePlugin");
            assertThat(owner.getClass().getClassLoader()).isSameAs(child);
            // Not the copy on the test class path: a different class that happens to share the name.
            assertThat(owner.getClass()).isNotSameAs(SagePlugin.class);
            assertThat(registry.factory(ComponentKind.ENCODER, "sage-mean")
                            .getClass()
                            .getClassLoader())
                    .isSameAs(child);

            TrainingResult result = trainGaeOnSbm(registry);
            System.out.printf(
                    Locale.ROOT,
                    "sage-mean GAE on sbm(600 nodes, 12 communities), 100 epochs, seed %d: "
                            + "test AUC %.4f, AP %.4f (best epoch %d)%n",
                    SEED,
                    result.test().auc(),
                    result.test().ap(),
                    result.bestEpoch());
            assertThat(result.test().auc()).isGreaterThan(0.85);
            assertThat(result.test().ap()).isGreaterThan(0.80);
        }
    }

    /** Provenance names the jar a plugin came from and the version its manifest gives. */
    @Test
    void provenanceNamesThePluginsJarAndVersion(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("gae-example-sage-encoder-7.1.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "7.1");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(PLUGIN_CLASSES)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(
                        new JarEntry(PLUGIN_CLASSES.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        ClassLoader parent = new HidingClassLoader(getClass().getClassLoader(), PLUGIN_CLASSES);
        try (URLClassLoader child =
                new URLClassLoader("sage-jar", new URL[] {jar.toUri().toURL()}, parent)) {
            PluginRegistry registry = PluginRegistry.discover(child);
            ModelSpec spec = ModelSpec.gae().withEncoder(ComponentSpec.of("sage-mean"));
            Provenance p = Provenance.record(
                    spec,
                    registry::pluginOf,
                    Provenance.Seeds.all(SEED),
                    Provenance.Dataset.of(
                            "triangle",
                            Optional.empty(),
                            Provenance.Features.NONE,
                            Graph.builder(3)
                                    .edges(new int[] {0, 1}, new int[] {1, 2})
                                    .build()),
                    new Provenance.Split(0.05, 0.1));
            assertThat(p.plugins().get(0))
                    .isEqualTo(new Provenance.PluginUse(
                            "encoder", "sage-mean", "gae-example-sage", "7.1", jar.toString()));
            assertThat(p.plugins().get(1).kind()).isEqualTo("sampler");
            assertThat(p.plugins().get(1).plugin()).isNotEqualTo("gae-example-sage");
        }
    }

    private static TrainingResult trainGaeOnSbm(PluginRegistry registry) {
        ModelAssembler assembler = new ModelAssembler(registry);
        Graph graph = assembler
                .create(
                        ComponentKind.DATASET,
                        ComponentSpec.of("sbm", "nodes", 600, "communities", 12),
                        new CreationContext(0, 0, SEED))
                .load();
        LinkSplit split = LinkSplit.of(graph, SEED);
        GraphAutoencoder model = assembler.assemble(
                ModelSpec.gae().withEncoder(ComponentSpec.of("sage-mean")),
                new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), SEED));
        TrainerConfig config = TrainerConfig.builder().epochs(100).seed(SEED).build();
        try (Parallelism parallelism = Parallelism.of(2)) {
            return new Trainer(config, parallelism).fit(model, split);
        }
    }

    /**
     * Delegates to {@code delegate} but refuses this plugin's package and hides every resource under
     * {@code hidden}: a parent that shares gae-core's classes (so {@code GaePlugin} is one type) without
     * seeing the plugin. A parent built from {@code java.class.path} would load a second gae-core, and
     * surefire's class path is a manifest-only jar anyway.
     */
    private static final class HidingClassLoader extends ClassLoader {

        private final Path hidden;

        HidingClassLoader(ClassLoader delegate, Path hidden) {
            super("without-sage-plugin", delegate);
            this.hidden = hidden;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("com.example.gae.sage.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            URL url = super.getResource(name);
            return url == null || isHidden(url) ? null : url;
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            List<URL> visible = Collections.list(super.getResources(name)).stream()
                    .filter(u -> !isHidden(u))
                    .toList();
            return Collections.enumeration(visible);
        }

        private boolean isHidden(URL url) {
            if (!"file".equals(url.getProtocol())) {
                return false;
            }
            try {
                return Path.of(url.toURI()).toAbsolutePath().normalize().startsWith(hidden);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
