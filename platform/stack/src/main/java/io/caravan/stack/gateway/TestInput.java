package io.caravan.stack.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a card test input makes the sandbox do, in the style of the acquirers' test cards: each
 * behaviour has a token and a card number (both accepted in {@code test_input}). Declines carry the
 * acquirer's code and its category: {@code soft} (the shopper may retry, or another provider may
 * succeed), {@code hard} (do not retry this card) or {@code fraud}.
 */
enum TestInput {
    SUCCESS("tok_success", "4242424242424242", null, null, "approved"),
    INSUFFICIENT_FUNDS(
            "tok_insufficient_funds", "4000000000009995", "insufficient_funds", "soft", "insufficient funds"),
    DO_NOT_HONOUR(
            "tok_do_not_honour", "4000000000000002", "do_not_honour", "soft", "the issuer declined (do not honour)"),
    STOLEN_CARD("tok_stolen_card", "4000000000009979", "stolen_card", "hard", "the card was reported stolen"),
    INVALID_ACCOUNT(
            "tok_invalid_account",
            "4000000000000069",
            "invalid_account",
            "hard",
            "the card account is closed or invalid"),
    FRAUD("tok_fraud", "4100000000000019", "suspected_fraud", "fraud", "blocked by the acquirer's fraud screening"),
    /** 3-D Secure: the payment waits for the shopper on the gateway's hosted page. */
    THREE_DS("tok_3ds", "4000000000003220", null, null, "authentication required"),
    /** Holds the request past the client's deadline, then charges. */
    TIMEOUT_CHARGE("tok_timeout_charge", "4000000000000259", null, null, "slow acquirer, charged"),
    /** Holds the request past the client's deadline, then gives up without charging. */
    TIMEOUT_NO_CHARGE("tok_timeout_no_charge", "4000000000000267", null, null, "slow acquirer, not charged"),
    /** Charges, then closes the connection without an answer. */
    LOST_ANSWER("tok_lost_answer", "4000000000000341", null, null, "charged, answer lost");

    private final String token;
    private final String number;
    private final String declineCode;
    private final String declineCategory;
    private final String description;

    TestInput(String token, String number, String declineCode, String declineCategory, String description) {
        this.token = token;
        this.number = number;
        this.declineCode = declineCode;
        this.declineCategory = declineCategory;
        this.description = description;
    }

    static Optional<TestInput> of(String input) {
        String compact = input.replace(" ", "").replace("-", "");
        for (TestInput t : values()) {
            if (t.token.equals(input) || t.number.equals(compact)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    String token() {
        return token;
    }

    String number() {
        return number;
    }

    boolean declines() {
        return declineCode != null;
    }

    String declineCode() {
        return declineCode;
    }

    String declineCategory() {
        return declineCategory;
    }

    String description() {
        return description;
    }

    /** Every test input with what it does, for the gateway's index page and error messages. */
    static Map<String, String> catalogue() {
        Map<String, String> all = new LinkedHashMap<>();
        for (TestInput t : values()) {
            all.put(t.token + " / " + t.number, t.description);
        }
        return all;
    }
}
