// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.HashedLinkSplit;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.LossSpec;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.FakeEncoderPlugin;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.TestGraphs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ProvenanceTest {

    @Test
    void theVersionIsMavensNotAPlaceholder() {
        assertThat(Provenance.currentVersion())
                .isNotBlank()
                .isNotEqualTo("dev")
                .doesNotContain("${")
                .matches("\\d+\\.\\d+.*");
    }

    @Test
    void recordsEveryComponentOnceWithItsPluginAndWhereItCameFrom() {
        PluginRegistry registry = PluginRegistry.of(List.of(new FakeEncoderPlugin()));
        Provenance.PluginSource byRegistry = registry::pluginOf; // the registry is a plugin source as it is
        List<String> asked = new ArrayList<>();
        Provenance.PluginSource plugins = (kind, name) -> {
            asked.add(kind.label() + " " + name);
            return kind == ComponentKind.ENCODER ? byRegistry.pluginOf(kind, name) : new FakeEncoderPlugin();
        };
        ModelSpec spec = new ModelSpec(
                ComponentSpec.of(FakeEncoderPlugin.ENCODER),
                ComponentSpec.of("identity"),
                ComponentSpec.of("inner-product"),
                List.of(LossSpec.of("adversarial"), LossSpec.of("adversarial")),
                List.of(ComponentSpec.of("edge-dropout")));
        var graph = TestGraphs.triangle();
        Provenance p = Provenance.record(
                spec,
                plugins,
                Provenance.Seeds.all(3),
                Provenance.Dataset.of(
                        "triangle", Optional.of(ComponentSpec.of("sbm")), Provenance.Features.NONE, graph),
                new Provenance.Split(0, 0.2));

        assertThat(asked)
                .containsExactly(
                        "encoder fake-encoder",
                        "sampler identity",
                        "decoder inner-product",
                        "loss adversarial",
                        "corruption edge-dropout",
                        "dataset loader sbm");
        assertThat(p.plugins())
                .extracting(Provenance.PluginUse::kind)
                .containsExactly("encoder", "sampler", "decoder", "loss", "corruption", "dataset loader");
        Provenance.PluginUse encoder = p.plugins().get(0);
        assertThat(encoder.name()).isEqualTo(FakeEncoderPlugin.ENCODER);
        assertThat(encoder.plugin()).isEqualTo(FakeEncoderPlugin.NAME);
        assertThat(encoder.version())
                .as("classes from a folder carry no manifest version")
                .isEqualTo("unknown");
        assertThat(Path.of(encoder.jar()))
                .as("the test classes' folder")
                .isDirectory()
                .isEqualTo(Path.of("target/test-classes").toAbsolutePath());
        assertThat(p.gae4jVersion()).isEqualTo(Provenance.currentVersion());
        assertThat(p.jdk()).isEqualTo(Provenance.Jdk.current());
        assertThat(p.jdk().version()).isEqualTo(Runtime.version().toString());
        assertThat(p.dataset().fingerprint()).contains(GraphFingerprint.of(graph));
        assertThat(p.dataset().nodes()).isEqualTo(3);
        assertThat(p.dataset().edges()).isEqualTo(3);
    }

    /** The recorded method picks the rule: LinkSplit for shuffled, HashedLinkSplit for gae-spark's hashed. */
    @Test
    void theSplitIsRebuiltWithTheRecordedMethod() {
        Graph graph = TestGraphs.randomGraph(200, 600, 5);
        Provenance shuffled = withSplit(graph, new Provenance.Split(0.05, 0.1));
        Provenance hashed = withSplit(graph, new Provenance.Split(0.05, 0.1, Provenance.SplitMethod.HASHED));
        assertThat(shuffled.linkSplit(graph).testPositives())
                .isEqualTo(LinkSplit.of(graph, 0.05, 0.1, 9).testPositives());
        LinkSplit expected = HashedLinkSplit.of(graph, 0.05, 0.1, 9);
        LinkSplit rebuilt = hashed.linkSplit(graph);
        assertThat(rebuilt.testPositives()).isEqualTo(expected.testPositives());
        assertThat(rebuilt.valNegatives()).isEqualTo(expected.valNegatives());
        assertThat(rebuilt.testPositives())
                .isNotEqualTo(shuffled.linkSplit(graph).testPositives());

        List<String> names = new ArrayList<>(graph.nodeIds());
        names.set(0, "n0");
        Graph named = Graph.builder(200)
                .name("named")
                .edges(graph.upperTriangleEdges())
                .nodeIds(names)
                .build();
        assertThatThrownBy(() -> hashed.linkSplit(named))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("The model's split was made by gae-spark (split method 'hashed') and cannot be"
                        + " rebuilt: Graph 'named': the hashed link split (gae-spark's) orders nodes by integer id,"
                        + " but node 0 has id 'n0'");
    }

    private static Provenance withSplit(Graph graph, Provenance.Split split) {
        return new Provenance(
                "0.1.0",
                Provenance.Jdk.current(),
                List.of(),
                ModelSpec.gae(),
                Provenance.Seeds.all(9),
                Provenance.Dataset.of("random", Optional.empty(), Provenance.Features.AS_LOADED, graph),
                split);
    }

    @Test
    void aClassWithoutACodeSourceSaysClasspath() {
        GaePlugin fromTheJdk = new FakeEncoderPlugin();
        assertThat(Provenance.origin(fromTheJdk)).endsWith("test-classes");
        assertThat(Provenance.origin("a java.lang.String: loaded by the boot loader"))
                .isEqualTo("classpath");
    }
}
