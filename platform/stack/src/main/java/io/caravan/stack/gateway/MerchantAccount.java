package io.caravan.stack.gateway;

/**
 * A merchant's account at one provider: the secret API key its requests carry as a Bearer token,
 * the secret the provider signs its webhooks with, and the default webhook URL (a payment may
 * name its own).
 */
public final class MerchantAccount {
    private final String id;
    private final String provider;
    private final String apiKey;
    private final String webhookSecret;
    private volatile String webhookUrl;

    MerchantAccount(String id, String provider, String apiKey, String webhookSecret, String webhookUrl) {
        this.id = id;
        this.provider = provider;
        this.apiKey = apiKey;
        this.webhookSecret = webhookSecret;
        this.webhookUrl = webhookUrl;
    }

    public String id() {
        return id;
    }

    public String provider() {
        return provider;
    }

    public String apiKey() {
        return apiKey;
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    public String webhookUrl() {
        return webhookUrl;
    }

    void webhookUrl(String url) {
        this.webhookUrl = url;
    }
}
