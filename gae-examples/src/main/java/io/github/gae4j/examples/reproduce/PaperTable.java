package io.github.gae4j.examples.reproduce;

import java.util.Map;

/** Kipf &amp; Welling (2016), Table 1: test AUC / AP in %, mean over 10 runs. */
final class PaperTable {

    /** Key: dataset + "/" + model; PubMed against the featureless rows (GAE*, VGAE*). */
    static final Map<String, double[]> AUC_AP = Map.of(
            "cora/gae", new double[] {91.0, 92.0},
            "cora/vgae", new double[] {91.4, 92.6},
            "citeseer/gae", new double[] {89.5, 89.9},
            "citeseer/vgae", new double[] {90.8, 92.0},
            "pubmed/gae", new double[] {82.2, 87.4},
            "pubmed/vgae", new double[] {82.7, 87.5});

    private PaperTable() {
    }
}
