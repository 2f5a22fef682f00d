package io.caravan.platform.it.support;

import io.caravan.stack.gateway.SandboxPaymentGateway;

/**
 * The sandbox payment gateway the integration tests' payment plugins call, started once per
 * failsafe run in the test JVM on {@code caravan.it.gateway.port} (18280) — the address the
 * platform under test is told it may reach as {@code localhost:18280}
 * ({@code CARAVAN_EGRESS_ALLOWED_PRIVATE_HOSTS}). Its
 * providers, accounts, ledger and webhooks are the ones {@code ./caravan run} starts; a test
 * isolates itself with an account of its own ({@link SandboxPaymentGateway#createAccount}).
 */
public final class PaymentGatewayServer {
    private static SandboxPaymentGateway instance;

    private PaymentGatewayServer() {}

    /** The shared gateway, started if it is not running. */
    public static synchronized SandboxPaymentGateway get() {
        if (instance == null) {
            SandboxPaymentGateway gateway =
                    SandboxPaymentGateway.start(Integer.getInteger("caravan.it.gateway.port", 18280));
            Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "payment-gateway-it-stop"));
            instance = gateway;
        }
        return instance;
    }
}
