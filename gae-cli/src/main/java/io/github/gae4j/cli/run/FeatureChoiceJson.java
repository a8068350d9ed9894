// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gae4j.runtime.files.Json;

/**
 * The {@code features} entry of {@code run.json}: the mode asked for, the use chosen (the provenance records it
 * too, for eval and embed), why, and the validation AUC of each candidate tried.
 * <pre>{@code "features": {"asked": "auto", "used": "none", "reason": "...",
 *               "validation-auc": {"row-normalized": 0.91, "none": 0.96}}}</pre>
 */
public final class FeatureChoiceJson {

    private FeatureChoiceJson() {}

    public static ObjectNode write(FeatureMode asked, FeatureChoice choice) {
        ObjectNode json = Json.object();
        json.put("asked", asked.key());
        json.put("used", choice.use().key());
        json.put("reason", choice.reason());
        if (!choice.validation().isEmpty()) {
            ObjectNode auc = json.putObject("validation-auc");
            choice.validation().forEach((use, v) -> auc.put(use.key(), v));
        }
        return json;
    }
}
