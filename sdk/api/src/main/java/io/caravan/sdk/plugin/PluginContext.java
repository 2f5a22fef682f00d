package io.caravan.sdk.plugin;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Everything a plugin may know and use during one call, for the one store the call is for. Every
 * extension point method receives it as its first argument.
 *
 * <p>The context is only valid during the call that received it: do not keep it, or anything it
 * returned, in a field, a static, a cache or another thread. The next call, possibly for another
 * store, brings its own. Methods are cheap (no I/O); call them as often as you like.
 */
@ProviderType
public interface PluginContext {

    /**
     * The store this call is for, by its slug: the public handle the platform gives a store when it
     * is onboarded ({@code lisbon-ceramics}) — lower-case letters, digits and hyphens, never changed
     * and never given to another store, the same value merchants see in their URLs. It is not the
     * platform's internal store id, which plugins never see. Use it to tell stores apart towards
     * your provider (a sub-account per store); everything per store you keep belongs in
     * {@link #storage()}, which is already scoped to this store.
     *
     * @return the store's slug, never blank
     */
    String storeSlug();

    /**
     * The store's configuration of this plugin, already validated against the schema the
     * descriptor declares, with secret fields decrypted for this call only.
     *
     * @return the configuration
     */
    PluginConfiguration configuration();

    /**
     * Key-value storage private to this plugin in this store: another store, or another plugin
     * in the same store, never sees these keys.
     *
     * @return the storage scoped to (store, plugin)
     */
    PluginStorage storage();

    /**
     * HTTP to the hosts the descriptor declares, and nowhere else.
     *
     * @return the egress client for this call
     */
    EgressHttp http();

    /**
     * The clock to read "now" from. Use it rather than {@link Instant#now()} or
     * {@link System#currentTimeMillis()}: tests fix it, and the platform may run a quote "as of" a
     * past order's date.
     *
     * @return the call's clock, in the store's time zone
     */
    Clock clock();

    /**
     * A logger whose lines carry the store, the plugin, its version and the call; read by the
     * plugin developer and the platform operators.
     *
     * @return the logger
     */
    PluginLogger logger();

    /**
     * When the platform stops waiting for this call. Past it, the result is discarded and the
     * extension point's failure policy applies. Give outgoing requests a timeout inside it.
     *
     * @return the deadline, on {@link #clock()}'s time line
     */
    Instant deadline();

    /**
     * The language and region to write human-readable text in (explanations, notices, method
     * names): the shopper's for checkout calls, the merchant's for back-office calls.
     *
     * @return the locale
     */
    Locale locale();
}
