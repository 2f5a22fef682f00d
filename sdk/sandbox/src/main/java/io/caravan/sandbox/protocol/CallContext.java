package io.caravan.sandbox.protocol;

import java.time.Instant;
import java.util.Set;

/**
 * What a call's {@code PluginContext} holds in the worker. Secrets are not here: the worker asks
 * for one ({@link Callback#SECRET}) when the plugin reads it, and only for this call.
 *
 * @param storeSlug      the store the call is for
 * @param deadline       when the platform stops waiting (and ends the worker)
 * @param locale         the language tag of the shopper's locale
 * @param configuration  the installation's configuration, a JSON object with the secret fields removed
 * @param secretPointers the JSON Pointers of the descriptor's secret fields
 * @param secretsSet     those of them that hold a value for this installation (names, never values)
 * @param logTag         the prefix of the plugin's log lines on the platform
 */
public record CallContext(
        String storeSlug,
        Instant deadline,
        String locale,
        String configuration,
        Set<String> secretPointers,
        Set<String> secretsSet,
        String logTag) {}
