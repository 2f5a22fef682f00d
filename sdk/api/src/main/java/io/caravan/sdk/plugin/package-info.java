/**
 * What every plugin shares whatever its kind: the per-call {@link io.caravan.sdk.plugin.PluginContext}
 * and the services it hands out (configuration, storage, egress HTTP, clock, logger), the health
 * check, the exceptions that tell a business refusal from a failure, and the plugin descriptor.
 *
 * <p>A plugin is one OSGi bundle, loaded once per node and shared by every store that installed
 * that version. The store a call is for arrives in the context; a plugin object keeps nothing
 * store-specific between calls.
 *
 * <p>Interfaces marked {@link org.osgi.annotation.versioning.ProviderType} are implemented by the
 * platform and may gain methods in a minor version; plugins call them and never implement them
 * (except in tests, through the SDK test kit).
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
