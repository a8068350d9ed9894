// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.runtime.checkpoint.RecordedRun;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.predict.Link;
import io.github.gae4j.runtime.predict.LinkPredictor;
import io.github.gae4j.runtime.predict.PredictorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gae predict} on small synthetic models (GAE, and gravity for directed scores): every mode's CSV parses, is
 * ranked and agrees with the {@link LinkPredictor}; every kind of bad input gets its message and exit code.
 */
final class PredictCommandTest {

    @TempDir
    static Path dir;

    static Path run;
    static Path gravity;
    static Known gae;
    static Known directed;

    /** A trained model as the tests check it: its predictor and its graph's edges. */
    record Known(LinkPredictor predictor, Graph graph, LinkSplit split, Set<String> edges) {
        static Known of(Path runDir, boolean excludeHeldOut) {
            RecordedRun r = RecordedRun.load(
                    runDir.resolve(RunFiles.MODEL), null, new ModelAssembler(PluginRegistry.discover()), false);
            Set<String> edges = new HashSet<>();
            List<String> ids = r.graph().nodeIds();
            for (EdgeList e : List.of(
                    r.split().trainPositives(),
                    r.split().valPositives(),
                    r.split().testPositives())) {
                for (int k = 0; k < e.size(); k++) {
                    edges.add(ids.get(e.src(k)) + "," + ids.get(e.dst(k)));
                    edges.add(ids.get(e.dst(k)) + "," + ids.get(e.src(k)));
                }
            }
            LinkPredictor p = LinkPredictor.of(
                    r, PredictorOptions.defaults().withThreads(2).withExcludeHeldOut(excludeHeldOut));
            return new Known(p, r.graph(), r.split(), edges);
        }

        boolean isEdge(String u, String v) {
            return edges.contains(u + "," + v);
        }

        Set<String> testEdges() {
            return pairs(split.testPositives());
        }

        /** Both directions of each edge, as "source,target". */
        Set<String> pairs(EdgeList e) {
            Set<String> out = new HashSet<>();
            List<String> ids = graph.nodeIds();
            for (int k = 0; k < e.size(); k++) {
                out.add(ids.get(e.src(k)) + "," + ids.get(e.dst(k)));
                out.add(ids.get(e.dst(k)) + "," + ids.get(e.src(k)));
            }
            return out;
        }
    }

    /** One CSV row of the output. */
    record Row(String source, String target, double score, String rank) {}

    @BeforeAll
    static void trainOnce() {
        run = dir.resolve("gae");
        gravity = dir.resolve("gravity");
        for (String[] args :
                List.of(new String[] {"train", "--epochs", "40", "--seed", "3", "--out", run.toString()}, new String[] {
                    "train", "--epochs", "20", "--seed", "3", "--decoder", "gravity", "--out", gravity.toString()
                })) {
            Cli train = Cli.run(TrainEvalEmbedTest.concat(
                    TrainEvalEmbedTest.concat(args, new String[] {"--no-report", "--no-embeddings"}),
                    TrainEvalEmbedTest.SMALL));
            assertThat(train.exitCode()).as(train.toString()).isZero();
        }
        gae = Known.of(run, true);
        directed = Known.of(gravity, true);
    }

    static List<Row> rows(String csv) {
        List<String> lines = csv.lines().toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(0)).isEqualTo("source,target,score,rank");
        List<Row> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).as(line).hasSize(4);
            out.add(new Row(f[0], f[1], Double.parseDouble(f[2]), f[3]));
        }
        return out;
    }

    static Cli predict(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "predict";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(all);
    }

    @Test
    void topIsRankedFreeOfKnownEdgesOncePerPairAndEqualToTheJavaApi() {
        Cli r = predict(run.toString(), "--top", "50", "-t", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<Row> rows = rows(r.out());
        assertThat(rows).hasSize(50);
        Set<String> unordered = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            assertThat(row.rank()).isEqualTo(Integer.toString(i + 1));
            if (i > 0) {
                assertThat(row.score()).isLessThanOrEqualTo(rows.get(i - 1).score());
            }
            assertThat(row.source()).isNotEqualTo(row.target());
            assertThat(gae.isEdge(row.source(), row.target()))
                    .as("%s is a known edge", row)
                    .isFalse();
            String a = row.source().compareTo(row.target()) < 0 ? row.source() : row.target();
            String b = a.equals(row.source()) ? row.target() : row.source();
            assertThat(unordered.add(a + "," + b)).as("%s listed twice", row).isTrue();
            assertThat(row.score()).isEqualTo(gae.predictor().score(row.source(), row.target()));
        }
        List<Link> api = gae.predictor().topK(50);
        assertThat(rows)
                .extracting(Row::source, Row::target, Row::score)
                .containsExactlyElementsOf(api.stream()
                        .map(l -> org.assertj.core.groups.Tuple.tuple(l.source(), l.target(), l.score()))
                        .toList());
        assertThat(r.err())
                .contains("undirected scores")
                .contains("search: " + gae.predictor().search().describe())
                .contains("top 50: 50 links of " + gae.predictor().candidatePairs() + " candidate pairs")
                .contains("--include-heldout keeps them");
    }

    @Test
    void includeHeldOutListsTestEdgesAndPrintsTheirPrecisionAndRecall() {
        int k = 500;
        Cli r = predict(run.toString(), "--top", Integer.toString(k), "--include-heldout", "-t", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<Row> rows = rows(r.out());
        Known withHeldOut = Known.of(run, false);
        assertThat(rows)
                .extracting(Row::source, Row::target)
                .containsExactlyElementsOf(withHeldOut.predictor().topK(k).stream()
                        .map(l -> org.assertj.core.groups.Tuple.tuple(l.source(), l.target()))
                        .toList());
        Set<String> test = gae.testEdges();
        long hits = rows.stream()
                .filter(row -> test.contains(row.source() + "," + row.target()))
                .count();
        assertThat(hits).as("the held-out edges are candidates again").isPositive();
        int testEdges = gae.split().testPositives().size();
        assertThat(r.err())
                .contains(String.format(
                        Locale.ROOT,
                        "held-out test edges among the top %d: %d of %d listed, %d test edges in all:"
                                + " precision@%d %.4f, recall@%d %.4f",
                        k,
                        hits,
                        k,
                        testEdges,
                        k,
                        (double) hits / k,
                        k,
                        (double) hits / testEdges));
        Set<String> train = gae.pairs(gae.split().trainPositives());
        assertThat(rows).noneMatch(row -> train.contains(row.source() + "," + row.target()));
    }

    @Test
    void perNodeRanksEachNodesListAsTheJavaApiDoes() {
        List<String> ids = gae.predictor().nodeIds();
        Cli r = predict(run.toString(), "--per-node", "5", "--nodes", ids.get(7) + "," + ids.get(3), "-t", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<Row> rows = rows(r.out());
        assertThat(rows).hasSize(10);
        Map<String, List<Link>> api = gae.predictor().topK(List.of(ids.get(7), ids.get(3)), 5);
        int i = 0;
        for (String node : List.of(ids.get(7), ids.get(3))) {
            for (int rank = 1; rank <= 5; rank++, i++) {
                Row row = rows.get(i);
                Link link = api.get(node).get(rank - 1);
                assertThat(row).isEqualTo(new Row(node, link.target(), link.score(), Integer.toString(rank)));
                assertThat(gae.isEdge(row.source(), row.target())).isFalse();
            }
        }
        assertThat(r.err()).contains("per node 5: 10 links for 2 nodes");
    }

    @Test
    void perNodeOverEveryNodeGoesToAFileWithHeldOutScores() throws IOException {
        Path out = dir.resolve("per-node.csv");
        Path nodesFile = Files.writeString(
                dir.resolve("nodes.txt"),
                "# two nodes\n" + gae.predictor().nodeIds().get(1) + "\n\n  "
                        + gae.predictor().nodeIds().get(2) + "  \n");
        Cli subset = predict(run.toString(), "--per-node", "3", "--nodes-file", nodesFile.toString());
        assertThat(subset.exitCode()).as(subset.toString()).isZero();
        assertThat(rows(subset.out()))
                .extracting(Row::source)
                .containsExactly(
                        gae.predictor().nodeIds().get(1),
                        gae.predictor().nodeIds().get(1),
                        gae.predictor().nodeIds().get(1),
                        gae.predictor().nodeIds().get(2),
                        gae.predictor().nodeIds().get(2),
                        gae.predictor().nodeIds().get(2));

        Cli r = predict(run.toString(), "--per-node", "4", "--include-heldout", "--out", out.toString(), "-t", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        List<Row> rows = rows(Files.readString(out, StandardCharsets.UTF_8));
        int n = gae.predictor().nodeIds().size();
        assertThat(rows).hasSize(4 * n);
        assertThat(rows).extracting(Row::rank).containsOnly("1", "2", "3", "4");
        assertThat(r.err())
                .contains("per node 4: " + 4 * n + " links for " + n + " nodes to " + out)
                .containsPattern("held-out test edges in each node's top 4, mean over the \\d+ nodes listed that"
                        + " have test edges: precision@4 0\\.\\d{4}, recall@4 0\\.\\d{4}, hits@4 0\\.\\d{4}");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(f -> f.endsWith(".part"));
        }
    }

    @Test
    void pairsFilesInCsvTsvAndSpacesScoreEachPairInOrder() throws IOException {
        List<String> ids = gae.predictor().nodeIds();
        String a = ids.get(0);
        String b = ids.get(5);
        String c = ids.get(17);
        Path csv = Files.writeString(
                dir.resolve("pairs.csv"),
                "Source,Target\n" + a + "," + b + "\n# a comment\n\n\"" + c + "\", " + a + "\n" + b + "," + b + "\n");
        Path tsv = Files.writeString(dir.resolve("pairs.tsv"), a + "\t" + b + "\n" + c + "\t" + a + "\n");
        Path spaces = Files.writeString(dir.resolve("pairs.txt"), a + " " + b + "\n" + c + "   " + a + "\n");
        for (Path file : List.of(csv, tsv, spaces)) {
            Cli r = predict(run.toString(), "--pairs", file.toString());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            List<Row> rows = rows(r.out());
            List<Row> expected = new ArrayList<>(List.of(
                    new Row(a, b, gae.predictor().score(a, b), ""),
                    new Row(c, a, gae.predictor().score(c, a), "")));
            if (file.equals(csv)) {
                expected.add(new Row(b, b, gae.predictor().score(b, b), ""));
            }
            assertThat(rows).as(file.toString()).containsExactlyElementsOf(expected);
            assertThat(r.err()).contains("pairs: " + expected.size() + " scores of " + file);
        }
    }

    @Test
    void aDirectedModelListsOrderedPairsWithDirectedScores() throws IOException {
        LinkPredictor p = directed.predictor();
        assertThat(p.directed()).isTrue();
        Cli r = predict(gravity.toString(), "--top", "300", "-t", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("directed scores (source → target)");
        List<Row> rows = rows(r.out());
        assertThat(rows).hasSize(300);
        assertThat(r.err()).contains("of " + p.candidatePairs() + " candidate pairs");
        int n = p.nodeIds().size();
        assertThat(p.candidatePairs())
                .as("ordered pairs less both directions of every edge")
                .isEqualTo((long) n * (n - 1) - 2L * directed.graph().edgeCount());
        for (Row row : rows) {
            assertThat(directed.isEdge(row.source(), row.target()))
                    .as("%s is a known edge (either direction)", row)
                    .isFalse();
            assertThat(row.score()).isEqualTo(p.score(row.source(), row.target()));
        }
        Row best = rows.get(0);
        Path pairs = Files.writeString(
                dir.resolve("directed.csv"),
                best.source() + "," + best.target() + "\n" + best.target() + "," + best.source() + "\n");
        Cli scored = predict(gravity.toString(), "--pairs", pairs.toString());
        assertThat(scored.exitCode()).as(scored.toString()).isZero();
        List<Row> both = rows(scored.out());
        assertThat(both.get(0).score()).isEqualTo(best.score());
        assertThat(both.get(1).score()).isEqualTo(p.score(best.target(), best.source()));
        assertThat(both.get(0).score())
                .as("gravity is not symmetric")
                .isNotEqualTo(both.get(1).score());
    }

    @Test
    void kLargerThanTheCandidatesListsWhatExistsAndSaysSo() {
        LinkPredictor p = gae.predictor();
        long candidates = p.candidatePairs();
        Cli r = predict(run.toString(), "--top", Long.toString(candidates + 10), "-t", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("--top " + (candidates + 10) + ": only " + candidates + " candidate pairs exist");
        assertThat(rows(r.out())).hasSize((int) candidates);

        String node = p.nodeIds().get(0);
        Cli perNode = predict(run.toString(), "--per-node", "1000", "--nodes", node);
        assertThat(perNode.exitCode()).as(perNode.toString()).isZero();
        assertThat(rows(perNode.out())).hasSize((int) p.candidatesFrom(node));
        assertThat(perNode.err())
                .contains("--per-node 1000: 1 of 1 nodes have fewer than 1000 candidate targets")
                .contains("at most " + p.candidatesFrom(node));
    }

    @Test
    void argumentsThatDoNotMakeSenseExitWith2() throws IOException {
        String model = run.toString();
        Path pairs = Files.writeString(dir.resolve("ok-pairs.csv"), "0,1\n");
        Map<List<String>, String> cases = new HashMap<>();
        cases.put(List.of(model), "no mode given: choose exactly one of --top K, --per-node K or --pairs FILE");
        cases.put(List.of(model, "--top", "3", "--per-node", "2"), "more than one mode given");
        cases.put(List.of(model, "--top", "3", "--pairs", pairs.toString()), "more than one mode given");
        cases.put(List.of(model, "--top", "0"), "--top must be at least 1, got 0");
        cases.put(List.of(model, "--per-node", "-2"), "--per-node must be at least 1, got -2");
        cases.put(List.of(model, "--top", "3", "--nodes", "1"), "--nodes chooses the nodes of --per-node K");
        cases.put(
                List.of(model, "--per-node", "3", "--nodes", "1", "--nodes-file", pairs.toString()),
                "--nodes and --nodes-file both name the nodes");
        cases.put(
                List.of(model, "--top", "3", "--include-heldout", "--exclude-known"),
                "--exclude-known and --include-heldout contradict each other");
        cases.put(
                List.of(model, "--pairs", pairs.toString(), "--include-heldout"),
                "--include-heldout applies to --top and --per-node");
        cases.put(List.of(model, "--pairs", dir.resolve("none.csv").toString()), "none.csv: no such file (--pairs)");
        cases.put(List.of(dir.resolve("no-run").toString(), "--top", "3"), "no-run: no such file or run directory");
        cases.put(
                List.of(model, "--per-node", "3", "--nodes", "0,nope,1,zz"),
                "gae: --nodes: 2 unknown node ids ('nope', 'zz'): the model's graph has no such nodes");
        cases.put(List.of(model, "--per-node", "3", "--nodes", "0,,1"), "--nodes: id 2 of the list is empty");
        cases.put(List.of(model, "--top", "3", "--search", "fast"), "--search");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            Cli r = predict(c.getKey().toArray(String[]::new));
            assertThat(r.exitCode()).as(c.getKey() + "\n" + r).isEqualTo(GaeCommand.USAGE);
            assertThat(r.err()).as(c.getKey().toString()).contains(c.getValue());
            assertThat(r.out()).as(c.getKey().toString()).isEmpty();
        }
    }

    @Test
    void badDataFilesExitWith1NamingFileLineAndProblem() throws IOException {
        String model = run.toString();
        Map<String, String> pairFiles = new HashMap<>();
        pairFiles.put("source,target\n0,1\n0\n", "line 3: 1 field, expected 2 (source and target separated by a comma");
        pairFiles.put("0\t1\n1\t2\t3\n", "line 2: 3 fields, expected 2 (source and target separated by a tab");
        pairFiles.put("0,1\n,2\n", "line 2: the source id is empty");
        pairFiles.put("0,1\n2,\n", "line 2: the target id is empty");
        pairFiles.put("0,1\n\"2,3\n", "line 2: a quoted id is not closed");
        pairFiles.put("0;1\n", "line 1: expected two node ids separated by a tab, a comma or spaces, got '0;1'");
        pairFiles.put("0,1\nx,1\n2,y\n3,x\n", "lines 2, 3: 2 unknown node ids ('x', 'y')");
        pairFiles.put("# nothing\n", "no pairs");
        int k = 0;
        for (Map.Entry<String, String> c : pairFiles.entrySet()) {
            Path file = Files.writeString(dir.resolve("bad-" + k++ + ".csv"), c.getKey());
            Cli r = predict(model, "--pairs", file.toString());
            assertThat(r.exitCode()).as(c.getKey() + "\n" + r).isEqualTo(GaeCommand.FAILURE);
            assertThat(r.err()).as(c.getKey()).contains("gae: " + file).contains(c.getValue());
            assertThat(r.out())
                    .as("nothing written before the whole file is checked")
                    .isEmpty();
        }
        Path nodes = Files.writeString(dir.resolve("bad-nodes.txt"), "0\n1\nghost\n2\nspectre\n");
        Cli r = predict(model, "--per-node", "2", "--nodes-file", nodes.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(GaeCommand.FAILURE);
        assertThat(r.err()).contains("gae: " + nodes + ", line 3: 2 unknown node ids ('ghost', 'spectre')");
    }

    @Test
    void truncatedOrDamagedModelFilesExitWith1NamingTheFile() throws IOException {
        byte[] bytes = Files.readAllBytes(run.resolve(RunFiles.MODEL));
        Path truncated = Files.write(dir.resolve("truncated.gae4j"), Arrays.copyOf(bytes, bytes.length / 2));
        Path damaged = dir.resolve("damaged.gae4j");
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x5a;
        Files.write(damaged, flipped);
        Path notAModel = Files.writeString(dir.resolve("not-a-model.gae4j"), "id,score\n0,0.5\n1,0.25\n");
        Map<Path, String> cases = Map.of(
                truncated, "the file ends early (truncated",
                damaged, "checksum mismatch",
                notAModel, "not a gae4j model file");
        for (Map.Entry<Path, String> c : cases.entrySet()) {
            Cli r = predict(c.getKey().toString(), "--top", "3");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(GaeCommand.FAILURE);
            assertThat(r.err()).contains("gae: " + c.getKey() + ": ").contains(c.getValue());
            assertThat(r.err()).doesNotContain("internal error").doesNotContain("Exception");
        }
    }

    @Test
    void anExistingOutputFileIsReplacedOnlyWithForce() throws IOException {
        Path out = Files.writeString(dir.resolve("mine.csv"), "precious\n");
        Cli refused = predict(run.toString(), "--top", "5", "--out", out.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(GaeCommand.USAGE);
        assertThat(refused.err()).contains(out + ": exists; pass --force to replace it");
        assertThat(Files.readString(out)).isEqualTo("precious\n");
        Cli forced = predict(run.toString(), "--top", "5", "--out", out.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(rows(Files.readString(out))).hasSize(5);
        Cli intoDir = predict(run.toString(), "--top", "5", "--out", dir.toString());
        assertThat(intoDir.exitCode()).isEqualTo(GaeCommand.USAGE);
        assertThat(intoDir.err()).contains("is a directory, not a file (--out)");
    }

    /** A catalog dataset that moved after training: the message names the model file and --data-dir. */
    @Test
    void dataThatMovedSinceTrainingIsFoundAgainWithDataDir() throws IOException {
        Optional<Path> root = DataDirectories.find()
                .filter(d -> Files.isDirectory(d.resolve("linqs").resolve("cora")));
        Assumptions.assumeTrue(
                root.isPresent(), "LINQS Cora not found: set GAE_DATA_DIR or put the datasets at ../shared/datasets");
        Path before = dir.resolve("data-before");
        Path cora = Files.createDirectories(before.resolve("linqs").resolve("cora"));
        try (var files = Files.list(root.get().resolve("linqs").resolve("cora"))) {
            for (Path f : files.toList()) {
                Files.copy(f, cora.resolve(f.getFileName()));
            }
        }
        Path coraRun = dir.resolve("cora-run");
        Cli train = Cli.run(
                "train",
                "--dataset",
                "cora",
                "--data-dir",
                before.toString(),
                "--epochs",
                "2",
                "--no-report",
                "--no-embeddings",
                "--threads",
                "2",
                "--progress",
                "lines",
                "--out",
                coraRun.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        Path after = Files.move(before, dir.resolve("data-after"));

        Cli lost = predict(coraRun.toString(), "--top", "3");
        assertThat(lost.exitCode()).as(lost.toString()).isEqualTo(GaeCommand.FAILURE);
        assertThat(lost.err())
                .contains("gae: " + coraRun.resolve(RunFiles.MODEL)
                        + ": the model's training data is not where training found it; if it moved, pass"
                        + " --data-dir DIR")
                .contains("Dataset 'cora' not found");
        Cli wrong = predict(coraRun.toString(), "--top", "3", "--data-dir", dir.toString());
        assertThat(wrong.exitCode()).isEqualTo(GaeCommand.FAILURE);
        assertThat(wrong.err()).contains("--data-dir " + dir + " does not hold the model's training data");
        Cli found = predict(coraRun.toString(), "--top", "3", "--data-dir", after.toString());
        assertThat(found.exitCode()).as(found.toString()).isZero();
        assertThat(rows(found.out())).hasSize(3);
    }

    @Test
    void theHeldOutScoreMatchesACountByHand() {
        Cli r = predict(run.toString(), "--per-node", "10", "--include-heldout", "-t", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Set<String> test = gae.testEdges();
        Map<String, Integer> degree = new HashMap<>();
        for (String e : test) {
            degree.merge(e.substring(0, e.indexOf(',')), 1, Integer::sum);
        }
        Map<String, int[]> hits = new HashMap<>();
        for (Row row : rows(r.out())) {
            int[] h = hits.computeIfAbsent(row.source(), s -> new int[2]);
            h[1]++;
            if (test.contains(row.source() + "," + row.target())) {
                h[0]++;
            }
        }
        double precision = 0;
        double recall = 0;
        for (Map.Entry<String, Integer> e : degree.entrySet()) {
            int[] h = hits.get(e.getKey());
            precision += (double) h[0] / h[1];
            recall += (double) h[0] / e.getValue();
        }
        Matcher m = Pattern.compile("mean over the (\\d+) nodes listed that have test edges: precision@10"
                        + " ([0-9.]+), recall@10 ([0-9.]+)")
                .matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(degree.size());
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(precision / degree.size(), within(5e-5));
        assertThat(Double.parseDouble(m.group(3))).isCloseTo(recall / degree.size(), within(5e-5));
    }
}
