package io.caravan.sandbox.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Call one method of the loaded bundle's extension for a point.
 *
 * @param id        the call's number, unique per worker; echoed in every message about it
 * @param point     the extension point (name of {@code ExtensionPoint})
 * @param method    the method of the point's interface
 * @param arguments the arguments after the {@code PluginContext}, in order, as JSON
 * @param context   the context of this call
 */
public record Call(long id, String point, String method, List<JsonNode> arguments, CallContext context) {}
