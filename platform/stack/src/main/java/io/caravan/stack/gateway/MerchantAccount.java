package io.caravan.stack.gateway;

/**
 * A merchant's account at one provider: the secret API key its requests carry as a Bearer token,
 * the secret the provider signs its webhooks with, and the default webhook URL (a payment may
 * name its own). A test account may force one test input on every card payment (this provider
 * declines or times out whatever the card), so a store's failover can be tried with one token.
 */
public final class MerchantAccount {
    private final String id;
    private final String provider;
    private final String apiKey;
    private final String webhookSecret;
    private volatile String webhookUrl;
    /** A test scenario for the whole account: every card payment behaves as this input, whatever token it sent. */
    private volatile TestInput forcedInput;

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

    TestInput forcedInput() {
        return forcedInput;
    }

    void forcedInput(TestInput input) {
        this.forcedInput = input;
    }
}
