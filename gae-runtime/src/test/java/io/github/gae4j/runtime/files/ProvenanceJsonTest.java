// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ProvenanceJsonTest {

    static final Provenance PROVENANCE = new Provenance(
            "0.1.0",
            new Provenance.Jdk("Eclipse Adoptium", "21.0.5+11"),
            List.of(
                    new Provenance.PluginUse("encoder", "vgae", "gae-encoders", "0.1.0", "/lib/gae-encoders-0.1.0.jar"),
                    new Provenance.PluginUse("loss", "kl", "gae-losses", "unknown", "classpath")),
            ModelSpec.vgae().withCorruptions(List.of(ComponentSpec.of("edge-dropout", "rate", 0.2))),
            new Provenance.Seeds(1, 2, 3),
            new Provenance.Dataset(
                    "cora",
                    Optional.of(ComponentSpec.of("dataset", "name", "cora")),
                    Provenance.Features.ROW_NORMALIZED,
                    2708,
                    5278,
                    Optional.of("sha256:abcd")),
            new Provenance.Split(0.05, 0.1));

    private static Provenance roundTrip(Provenance p) {
        String text = Json.write(ProvenanceJson.write(p));
        LocatedTree tree = Json.read(text, Json.Syntax.JSON, "p.json");
        return ProvenanceJson.read(tree, tree.root(), "");
    }

    @Test
    void roundTripsThroughJson() {
        assertThat(roundTrip(PROVENANCE)).isEqualTo(PROVENANCE);
        Provenance inCode = new Provenance(
                "0.1.0",
                PROVENANCE.jdk(),
                List.of(),
                ModelSpec.gae(),
                Provenance.Seeds.all(42),
                new Provenance.Dataset(
                        "two-communities", Optional.empty(), Provenance.Features.AS_LOADED, 80, 300, Optional.empty()),
                new Provenance.Split(0, 0.1));
        assertThat(roundTrip(inCode)).isEqualTo(inCode);
    }

    @Test
    void isWrittenAsAReadableObject() {
        ObjectNode o = ProvenanceJson.write(PROVENANCE);
        assertThat(o.fieldNames())
                .toIterable()
                .containsExactly("gae4j-version", "jdk", "plugins", "model", "seeds", "dataset", "split");
        assertThat(o.at("/plugins/0/jar").textValue()).isEqualTo("/lib/gae-encoders-0.1.0.jar");
        assertThat(o.at("/model/encoder/name").textValue()).isEqualTo("vgae");
        assertThat(o.at("/dataset/features").textValue()).isEqualTo("row-normalized");
        assertThat(o.at("/dataset/fingerprint").textValue()).isEqualTo("sha256:abcd");
        assertThat(o.at("/seeds/init").longValue()).isEqualTo(2);
    }

    @Test
    void laterKeysAreIgnoredAndMissingOnesNamed() {
        ObjectNode o = ProvenanceJson.write(PROVENANCE);
        o.put("hardware", "a GPU, one day");
        LocatedTree tree = Json.read(Json.write(o), Json.Syntax.JSON, "p.json");
        assertThat(ProvenanceJson.read(tree, tree.root(), "")).isEqualTo(PROVENANCE);

        ((ObjectNode) o.get("seeds")).remove("init");
        LocatedTree broken = Json.read(Json.write(o), Json.Syntax.JSON, "p.json");
        assertThatThrownBy(() -> ProvenanceJson.read(broken, broken.root(), ""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("p.json:")
                .hasMessageContaining("'init'");
    }

    /** gae-spark's split method round-trips; a file from before the field reads as LinkSplit's, the only one then. */
    @Test
    void theSplitMethodRoundTripsAndIsShuffledWhenAbsent() {
        Provenance spark = new Provenance(
                PROVENANCE.gae4jVersion(),
                PROVENANCE.jdk(),
                PROVENANCE.plugins(),
                PROVENANCE.model(),
                PROVENANCE.seeds(),
                new Provenance.Dataset(
                        "edges.parquet",
                        Optional.of(ComponentSpec.of(
                                "tables", "edges", "edges.parquet", "features", "x.parquet", "format", "parquet")),
                        Provenance.Features.AS_LOADED,
                        2708,
                        5278,
                        Optional.empty()),
                new Provenance.Split(0.05, 0.1, Provenance.SplitMethod.HASHED));
        ObjectNode written = ProvenanceJson.write(spark);
        assertThat(written.at("/split/method").textValue()).isEqualTo("hashed");
        assertThat(written.at("/dataset/loader/options/format").textValue()).isEqualTo("parquet");
        assertThat(roundTrip(spark)).isEqualTo(spark);
        assertThat(ProvenanceJson.write(PROVENANCE).at("/split/method").textValue())
                .isEqualTo("shuffled");

        ObjectNode old = ProvenanceJson.write(PROVENANCE);
        ((ObjectNode) old.get("split")).remove("method");
        LocatedTree tree = Json.read(Json.write(old), Json.Syntax.JSON, "old.json");
        assertThat(ProvenanceJson.read(tree, tree.root(), "").split())
                .isEqualTo(new Provenance.Split(0.05, 0.1, Provenance.SplitMethod.SHUFFLED));

        ((ObjectNode) old.get("split")).put("method", "random");
        LocatedTree bad = Json.read(Json.write(old), Json.Syntax.JSON, "bad.json");
        assertThatThrownBy(() -> ProvenanceJson.read(bad, bad.root(), ""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.json:")
                .hasMessageContaining("'method' of 'split' must be one of shuffled, hashed, got random");
    }

    /** The flat map {@code gae train} wrote into model files and run.json before provenance was typed. */
    @Test
    void theCommandLinesLegacyMetadataBecomesAProvenance() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dataset", "synthetic");
        m.put("dataset.loader", "sbm");
        m.put("dataset.option.nodes", "150");
        m.put("dataset.features", "true");
        m.put("dataset.normalize-features", "true");
        m.put("dataset.nodes", "150");
        m.put("dataset.edges", "105");
        m.put("split.seed", "42");
        m.put("split.val-fraction", "0.05");
        m.put("split.test-fraction", "0.1");
        m.put("model.seed", "43");
        m.put("gae4j.version", "dev");
        ModelDescription d = new ModelDescription(
                ModelSpec.vgae(), TrainerConfig.builder().seed(44).build());
        Provenance p = ProvenanceJson.fromLegacyMetadata(m, d).orElseThrow();
        assertThat(p.gae4jVersion()).isEqualTo("dev");
        assertThat(p.plugins()).isEmpty();
        assertThat(p.model()).isEqualTo(ModelSpec.vgae());
        assertThat(p.seeds()).isEqualTo(new Provenance.Seeds(42, 43, 44));
        assertThat(p.dataset())
                .isEqualTo(new Provenance.Dataset(
                        "synthetic",
                        Optional.of(ComponentSpec.of("sbm", "nodes", 150)),
                        Provenance.Features.ROW_NORMALIZED,
                        150,
                        105,
                        Optional.empty()));
        assertThat(p.split()).isEqualTo(new Provenance.Split(0.05, 0.1));
        m.put("dataset.features", "false");
        assertThat(ProvenanceJson.fromLegacyMetadata(m, d)
                        .orElseThrow()
                        .dataset()
                        .features())
                .isEqualTo(Provenance.Features.NONE);

        assertThat(ProvenanceJson.fromLegacyMetadata(Map.of("dataset", "synthetic", "seed", "7"), d))
                .isEmpty();
        m.put("split.seed", "forty-two");
        assertThat(ProvenanceJson.fromLegacyMetadata(m, d)).isEmpty();
    }
}
