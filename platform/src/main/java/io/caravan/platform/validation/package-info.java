/**
 * Upload validation: what an uploaded plugin bundle must pass before it is stored as a checked
 * version — archive safety, the OSGi manifest, the descriptor and its configuration schema, the
 * bytecode policy, release immutability, and the dry run (loading the bundle through the plugin
 * runtime and asking its health check, as {@code io.caravan.runtime.DryRun} defines). A report
 * per rule, each finding naming its culprit.
 *
 * <p>May use: {@code host}'s application (the dry run port), the plugin runtime (manifest syntax,
 * the SDK's exports), {@code shared} and the SDK. Used by the marketplace, which records the report
 * with the version.
 */
package io.caravan.platform.validation;
