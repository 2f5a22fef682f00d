package io.caravan.platform.marketplace.application;

import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.marketplace.domain.AnswerRule;
import io.caravan.sdk.plugin.ExtensionPoint;
import java.util.List;
import java.util.Map;

/**
 * What the directory keeps per store: its enabled installations in install order and its
 * answering rules per point, read together in one transaction.
 */
public record StoreAnswering(List<InstalledPlugin> enabled, Map<ExtensionPoint, List<AnswerRule>> rules) {
    public StoreAnswering {
        enabled = List.copyOf(enabled);
        rules = Map.copyOf(rules);
    }

    public List<AnswerRule> rules(ExtensionPoint point) {
        return rules.getOrDefault(point, List.of());
    }
}
