package io.caravan.stack.gateway;

import java.time.Duration;

/**
 * The knobs tests turn ({@code POST /test/config}): how long a slow acquirer holds a request, how
 * long an authorisation lives, how webhooks are retried, how long a shopper has for each step.
 */
final class GatewaySettings {
    private volatile Duration timeoutHold = Duration.ofSeconds(30);
    private volatile Duration authorizationTtl = Duration.ofDays(7);
    private volatile Duration webhookRetryBase = Duration.ofSeconds(2);
    private volatile int webhookMaxAttempts = 5;
    private volatile Duration actionTtl = Duration.ofMinutes(15);
    private volatile Duration voucherTtl = Duration.ofDays(3);

    Duration timeoutHold() {
        return timeoutHold;
    }

    Duration authorizationTtl() {
        return authorizationTtl;
    }

    Duration webhookRetryBase() {
        return webhookRetryBase;
    }

    int webhookMaxAttempts() {
        return webhookMaxAttempts;
    }

    Duration actionTtl() {
        return actionTtl;
    }

    Duration voucherTtl() {
        return voucherTtl;
    }

    void timeoutHold(Duration d) {
        timeoutHold = d;
    }

    void authorizationTtl(Duration d) {
        authorizationTtl = d;
    }

    void webhookRetryBase(Duration d) {
        webhookRetryBase = d;
    }

    void webhookMaxAttempts(int n) {
        webhookMaxAttempts = n;
    }

    void actionTtl(Duration d) {
        actionTtl = d;
    }

    void voucherTtl(Duration d) {
        voucherTtl = d;
    }

    java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("timeout_hold_ms", timeoutHold.toMillis());
        m.put("authorization_ttl_seconds", authorizationTtl.toSeconds());
        m.put("webhook_retry_base_ms", webhookRetryBase.toMillis());
        m.put("webhook_max_attempts", webhookMaxAttempts);
        m.put("action_ttl_seconds", actionTtl.toSeconds());
        m.put("voucher_ttl_seconds", voucherTtl.toSeconds());
        return m;
    }
}
