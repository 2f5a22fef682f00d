package io.caravan.sandbox.protocol;

/**
 * The plugin refused the request ({@code PluginRejectedException}).
 *
 * @param id      the call
 * @param code    the refusal's code
 * @param message its message
 */
public record Refused(long id, String code, String message) {}
