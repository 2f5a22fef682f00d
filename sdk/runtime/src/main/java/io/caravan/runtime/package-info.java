/**
 * The Caravan plugin runtime: the one implementation of how a plugin bundle is loaded and called
 * outside a store's request, shared by the platform's plugin host, its upload check and the plugin
 * test kit.
 *
 * <ul>
 * <li>{@link io.caravan.runtime.PluginFramework}: an embedded Felix configured as the platform
 *     runs plugins, and {@code load} / {@code unload} of a bundle;</li>
 * <li>{@link io.caravan.runtime.PluginDescriptorReader}: the one strict reader of
 *     {@code OSGI-INF/caravan-plugin.json};</li>
 * <li>{@link io.caravan.runtime.StrictJson}: the one strict way to read JSON others wrote (no
 *     member twice, bounded nesting);</li>
 * <li>{@link io.caravan.runtime.SdkExports} and {@link io.caravan.runtime.ManifestHeader}: what the
 *     SDK exports, and OSGi manifest header syntax;</li>
 * <li>{@link io.caravan.runtime.JsonPluginConfiguration}: the configuration view plugins read;</li>
 * <li>{@link io.caravan.runtime.DryRun}: the upload dry run.</li>
 * </ul>
 * Depends on the SDK, Felix and JSON-P only; knows nothing of the platform.
 */
package io.caravan.runtime;
