package io.caravan.plugins.payments;

import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.PluginConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Bank transfer to the merchant's own account: the shopper is shown the account (holder, IBAN,
 * BIC from the configuration), the amount, a payment reference derived from the platform's
 * attempt key (the same attempt always gets the same reference) and a deadline; the payment stays
 * open until the merchant confirms the money arrived (a capture) or the deadline passes.
 */
final class BankTransfer {
    private final String holder;
    private final String iban;
    private final String bic;
    private final Duration expiry;
    private final List<String> currencies;

    private BankTransfer(String holder, String iban, String bic, Duration expiry, List<String> currencies) {
        this.holder = holder;
        this.iban = iban;
        this.bic = bic;
        this.expiry = expiry;
        this.currencies = currencies;
    }

    /** The settings, or empty when bank transfer is off or the account is not configured. */
    static Optional<BankTransfer> of(PluginConfiguration c) {
        if (!c.bool("/bankTransfer/enabled").orElse(false)) {
            return Optional.empty();
        }
        Optional<String> holder = c.string("/bankTransfer/accountHolder");
        Optional<String> iban = c.string("/bankTransfer/iban");
        Optional<String> bic = c.string("/bankTransfer/bic");
        if (holder.isEmpty() || iban.isEmpty() || bic.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BankTransfer(
                holder.get(),
                iban.get().replace(" ", ""),
                bic.get(),
                Duration.ofDays(c.integer("/bankTransfer/expiryDays").orElse(7)),
                c.strings("/bankTransfer/currencies")));
    }

    boolean accepts(Currency currency) {
        return currencies.isEmpty() || currencies.contains(currency.getCurrencyCode());
    }

    Duration expiry() {
        return expiry;
    }

    /** The shopper's payment reference for an attempt: "CRV" and ten characters of its key's hash. */
    static String reference(String attemptKey) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: read out over the phone
        byte[] hash = LocalPayments.sha256(attemptKey);
        StringBuilder ref = new StringBuilder("CRV");
        for (int i = 0; i < 10; i++) {
            ref.append(alphabet.charAt((hash[i] & 0xff) % alphabet.length()));
        }
        return ref.toString();
    }

    String instructions(String reference, Money amount, Instant deadline) {
        return "Transfer " + amount.amount().toPlainString() + " "
                + amount.currency().getCurrencyCode() + " to "
                + holder + ", IBAN " + iban + ", BIC " + bic + ", with the reference " + reference + " by "
                + deadline.atOffset(ZoneOffset.UTC).toLocalDate() + " (UTC). The order ships once the money has"
                + " arrived.";
    }
}
