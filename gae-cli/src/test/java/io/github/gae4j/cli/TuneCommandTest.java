// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.cli.tune.Leaderboard;
import io.github.gae4j.cli.tune.TuneOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gae tune} on the small synthetic graph with a short list (12 screening trials of 3 epochs, one refinement
 * trial of up to 8): the leaderboard, the files, the refusal of a used directory, and the winner trained again by
 * the printed {@code gae train} command.
 */
final class TuneCommandTest {

    static final String[] SHORT = {
        "--screen-epochs", "3", "--epochs", "8", "--patience", "4", "--trials", "13", "--seed", "3"
    };

    @TempDir
    static Path dir;

    static Path out;
    static Cli tune;

    @BeforeAll
    static void tuneOnce() {
        out = dir.resolve("tune");
        tune = Cli.run(args(out, "--threads", "2"));
    }

    /** {@code gae tune -o target}, {@link #SHORT} (less the options {@code more} gives) and {@code more}. */
    static String[] args(Path target, String... more) {
        List<String> a = new ArrayList<>(List.of("tune", "-o", target.toString()));
        List<String> given = Arrays.asList(more);
        for (int k = 0; k < SHORT.length; k += 2) {
            if (!given.contains(SHORT[k])) {
                a.add(SHORT[k]);
                a.add(SHORT[k + 1]);
            }
        }
        a.addAll(given);
        // The small synthetic graph of the train tests, without its --threads and --progress.
        return TrainEvalEmbedTest.concat(
                a.toArray(String[]::new), Arrays.copyOf(TrainEvalEmbedTest.SMALL, TrainEvalEmbedTest.SMALL.length - 4));
    }

    @Test
    void printsTheLeaderboardWithTheHeuristicsAndWritesTheFiles() throws IOException {
        assertThat(tune.exitCode()).as(tune.toString()).isZero();
        assertThat(tune.out())
                .contains("gae tune: sbm-300")
                .contains("at most 13 trials")
                .contains("rank  recipe")
                .contains("Adamic-Adar (heuristic)")
                .contains("test pairs (scored once")
                .contains("winner vs the best heuristic")
                .contains("train it again: gae train")
                .contains("skipped 11 of 24 trials: trial 14");
        // Progress, one line per trial, on stderr.
        assertThat(tune.err())
                .contains("trial 1/12 screen")
                .contains("trial 13/24 refine")
                .contains("trial 14 and after skipped: beyond the trial limit (13)");
        List<String> csv = Files.readAllLines(out.resolve(TuneOutput.LEADERBOARD));
        assertThat(csv.get(0)).isEqualTo(Leaderboard.CSV_HEADER);
        // 13 trials, 5 heuristics, 11 skipped; every line has all the columns.
        assertThat(csv).hasSize(1 + 13 + 5 + 11);
        int columns = Leaderboard.CSV_HEADER.split(",").length;
        assertThat(csv).allMatch(line -> line.split(",", -1).length == columns);
        assertThat(csv.get(1)).startsWith("1,");
        assertThat(out.resolve(TuneOutput.BEST_MODEL)).isRegularFile();
        assertThat(Files.readString(out.resolve(TuneOutput.COMMAND)))
                .startsWith("gae train ")
                .contains("--model-file " + out.resolve(TuneOutput.BEST_MODEL));
    }

    @Test
    void thePrintedCommandTrainsTheWinnerToTheSameValidationScores() throws IOException {
        String[] command =
                Files.readString(out.resolve(TuneOutput.COMMAND)).trim().split(" ");
        assertThat(command[0]).isEqualTo("gae");
        Path run = dir.resolve("again");
        List<String> a = new ArrayList<>(Arrays.asList(command).subList(1, command.length));
        a.addAll(List.of(
                "-o", run.toString(), "--no-report", "--no-embeddings", "--progress", "none", "--threads", "1"));
        Cli train = Cli.run(a.toArray(String[]::new));
        assertThat(train.exitCode()).as(train.toString()).isZero();
        JsonNode json = TrainEvalEmbedTest.json(run.resolve(RunFiles.RUN_JSON));
        int best = json.get("results").get("best-epoch").intValue();
        JsonNode epoch = json.get("history").get(best - 1);
        String[] winner = winnerRow();
        assertThat(String.format(Locale.ROOT, "%.6f", epoch.get("val-auc").doubleValue()))
                .isEqualTo(winner[12]);
        assertThat(String.format(Locale.ROOT, "%.6f", epoch.get("val-ap").doubleValue()))
                .isEqualTo(winner[13]);
        assertThat(best).isEqualTo(Integer.parseInt(winner[14]));
        assertThat(json.get("history")).hasSize(Integer.parseInt(winner[15]));
        // The feature flag is a dataset option: it is in the command, recorded by the run.
        String features = json.get("provenance").get("dataset").get("features").asText();
        assertThat(features).isEqualTo(winner[5]);
    }

    /** The best trial's CSV row (the leaderboard's first trial row). */
    private static String[] winnerRow() throws IOException {
        return Files.readAllLines(out.resolve(TuneOutput.LEADERBOARD)).stream()
                .skip(1)
                .map(line -> line.split(",", -1))
                .filter(cols -> cols[1].equals("trial"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theSameSeedGivesTheSameLeaderboardWithOtherThreads() throws IOException {
        Path other = dir.resolve("one-thread");
        Cli again = Cli.run(args(other, "--threads", "1"));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(withoutTimes(other)).isEqualTo(withoutTimes(out));
        assertThat(Files.readString(other.resolve(TuneOutput.BEST_MODEL)))
                .isEqualTo(Files.readString(out.resolve(TuneOutput.BEST_MODEL)));
    }

    /** The CSV without the seconds column, the one figure that differs between two runs. */
    private static List<String> withoutTimes(Path tuneDir) throws IOException {
        return Files.readAllLines(tuneDir.resolve(TuneOutput.LEADERBOARD)).stream()
                .map(line -> {
                    List<String> cols = new ArrayList<>(Arrays.asList(line.split(",", -1)));
                    cols.remove(16);
                    return String.join(",", cols);
                })
                .toList();
    }

    @Test
    void refusesANonEmptyDirectoryUnlessForcedAndThenReplacesOnlyItsOwnFiles() throws IOException {
        Path used = dir.resolve("used");
        Files.createDirectories(used);
        Files.writeString(used.resolve("notes.txt"), "mine");
        Cli refused = Cli.run(args(used, "--trials", "1"));
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(GaeCommand.USAGE);
        assertThat(refused.err())
                .contains(used + ": exists and is not empty; pass --force")
                .doesNotContain("\tat ");
        assertThat(used.resolve(TuneOutput.LEADERBOARD)).doesNotExist();

        Cli forced = Cli.run(args(used, "--trials", "1", "--force"));
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(used.resolve(TuneOutput.LEADERBOARD)).isRegularFile();
        assertThat(Files.readString(used.resolve("notes.txt"))).isEqualTo("mine");
        try (var files = Files.list(used)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "notes.txt", TuneOutput.LEADERBOARD, TuneOutput.BEST_MODEL, TuneOutput.COMMAND);
        }
    }

    @Test
    void badArgumentsAreUsageErrorsWithOneLine() {
        for (String[] bad : List.of(
                new String[] {"--budget", "0"},
                new String[] {"--budget", "ten"},
                new String[] {"--trials", "-1"},
                new String[] {"--screen-epochs", "0"})) {
            Path target = dir.resolve("bad-" + bad[0].substring(2) + "-" + bad[1]);
            Cli r = Cli.run(args(target, bad));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(GaeCommand.USAGE);
            assertThat(r.err()).as(r.toString()).contains(bad[0]).doesNotContain("\tat ");
            assertThat(target).doesNotExist();
        }
    }

    @Test
    void aFeatureFlagFixesTheFeatureModeInsteadOfSearchingIt() throws IOException {
        Path fixed = dir.resolve("fixed");
        Cli r = Cli.run(args(fixed, "--trials", "5", "--no-features"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("plan: screen 4 recipes (features none");
        List<String[]> trials = Files.readAllLines(fixed.resolve(TuneOutput.LEADERBOARD)).stream()
                .skip(1)
                .map(line -> line.split(",", -1))
                .filter(cols -> !cols[1].equals("heuristic"))
                .toList();
        assertThat(trials).isNotEmpty().allMatch(cols -> cols[5].equals("none"));
        assertThat(Files.readString(fixed.resolve(TuneOutput.COMMAND))).contains(" --no-features ");

        // --features itself, not only its aliases, fixes the mode (it used to be ignored by tune).
        Cli named = Cli.run(args(dir.resolve("named"), "--trials", "1", "--features", "row-normalized"));
        assertThat(named.exitCode()).as(named.toString()).isZero();
        assertThat(named.out()).contains("plan: screen 4 recipes (features row-normalized");
    }
}
