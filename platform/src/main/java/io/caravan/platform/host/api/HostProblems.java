package io.caravan.platform.host.api;

import io.caravan.platform.host.application.PluginFailedException;
import io.caravan.platform.host.application.PluginRefusalException;
import io.caravan.platform.shared.api.Problem;
import io.caravan.platform.shared.api.ProblemTranslation;
import io.caravan.platform.shared.api.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The plugin host's failures as problem documents: a plugin's refusal (422) and a fail-closed failure (503). */
@ApplicationScoped
public class HostProblems implements ProblemTranslation {
    public static final ProblemType PLUGIN_REFUSED =
            ProblemType.of("plugin-refused", "Refused by the store's plugin", 422);
    public static final ProblemType PLUGIN_FAILED = ProblemType.of("plugin-failed", "The store's plugin failed", 503);

    @Override
    public Optional<Problem> toProblem(Throwable failure) {
        if (failure instanceof PluginRefusalException refusal) {
            return Optional.of(Problem.of(
                    PLUGIN_REFUSED,
                    "Plugin " + refusal.pluginId() + " refused (code " + refusal.code() + "): "
                            + refusal.getMessage()));
        }
        if (failure instanceof PluginFailedException failed) {
            return Optional.of(Problem.of(
                    PLUGIN_FAILED,
                    "The step stopped because " + failed.failure().describe()
                            + ". Its failure policy is fail-closed; nothing was changed."));
        }
        return Optional.empty();
    }
}
