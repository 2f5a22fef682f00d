package io.caravan.sandbox.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The method returned.
 *
 * @param id    the call
 * @param value what it returned, as JSON (null for {@code void})
 */
public record Answer(long id, JsonNode value) {}
