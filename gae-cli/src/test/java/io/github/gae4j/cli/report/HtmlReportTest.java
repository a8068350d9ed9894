// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.runtime.train.EpochStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class HtmlReportTest {

    @Test
    void escapesTheFiveSpecialCharacters() {
        assertThat(HtmlReport.escape("<a href=\"x\">Tom & Jerry's</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    }

    @Test
    void epochTableKeepsAboutTwentyFiveRowsIncludingTheBestAndLastEpochs() {
        List<EpochStats> history = history(1000);

        List<EpochStats> rows = HtmlReport.epochRows(history, 537);

        assertThat(rows.size()).isBetween(20, 25);
        assertThat(rows).extracting(EpochStats::epoch).contains(1, 537, 1000).isSorted();
    }

    @Test
    void epochTableTakesItsRowsFromTheValidatedEpochs() {
        List<EpochStats> history = new ArrayList<>();
        for (int e = 1; e <= 200; e++) {
            double score = e % 5 == 0 ? 0.9 : Double.NaN;
            history.add(new EpochStats(e, 1.0 / e, score, score, 1));
        }

        List<EpochStats> rows = HtmlReport.epochRows(history, 0);

        assertThat(rows).hasSizeLessThanOrEqualTo(25);
        assertThat(rows)
                .extracting(EpochStats::epoch)
                .allMatch(epoch -> epoch % 5 == 0)
                .contains(5, 200);
    }

    @Test
    void shortHistoriesAreShownWhole() {
        assertThat(HtmlReport.epochRows(history(12), 0)).hasSize(12);
        assertThat(HtmlReport.epochRows(List.of(), 0)).isEmpty();
    }

    private static List<EpochStats> history(int epochs) {
        List<EpochStats> history = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            history.add(new EpochStats(e, 1.0 / e, Double.NaN, Double.NaN, 1));
        }
        return history;
    }
}
