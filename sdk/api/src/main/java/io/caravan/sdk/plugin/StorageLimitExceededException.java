package io.caravan.sdk.plugin;

/**
 * Thrown by {@link PluginStorage} when a write would pass one of its documented limits (value size,
 * entries or bytes per store and plugin). The write did not happen.
 */
public class StorageLimitExceededException extends PluginException {

    private static final long serialVersionUID = 1L;

    /**
     * A refused write.
     *
     * @param message which limit and by how much
     */
    public StorageLimitExceededException(String message) {
        super(message);
    }
}
