/**
 * The sandbox protocol, version {@value io.caravan.sandbox.protocol.SandboxProtocol#VERSION}: what
 * the platform and a sandbox worker say to each other over the worker's standard input and output.
 *
 * <p>A frame is a 4-byte big-endian length and that many bytes of one UTF-8 JSON object, an
 * {@link io.caravan.sandbox.protocol.Envelope} (a type and a body). The worker speaks first
 * ({@code ready}); then the platform sends one request at a time ({@code load}, {@code dryRun},
 * {@code call}), and while a call runs the worker may ask the platform for what the plugin's
 * context lends ({@code callback}: storage, egress, a secret) and send {@code log} lines. Every
 * answer is re-read on the platform through the SDK's own record constructors, so an answer that
 * the SDK would refuse never reaches platform code. Serialisation is Jackson's (see
 * {@link io.caravan.sandbox.protocol.SandboxJson}).
 */
package io.caravan.sandbox.protocol;
