package io.caravan.platform.commerce.application;

import io.caravan.sdk.carriers.Consignment;
import io.caravan.sdk.carriers.RateExclusion;
import io.caravan.sdk.carriers.RateQuote;
import io.caravan.sdk.carriers.RateRequest;
import io.caravan.sdk.carriers.RateResult;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.PaymentMethod;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The platform's checks of carrier and payment-method answers, run inside the plugin call so a
 * wrong answer is the plugin's failure. The SDK's records already validated each value on their
 * own; these checks are about the answer against the question: the right consignments, the
 * request's currency, no duplicates, nothing already expired.
 */
public final class PluginAnswers {
    /** More options than a shopper can choose among is a wrong answer, not a long list to show. */
    static final int MAX_QUOTES = 200;

    static final int MAX_METHODS = 50;

    private PluginAnswers() {}

    /** Checks a rate result against its request. */
    public static RateResult rates(RateResult result, RateRequest request, Instant now) {
        if (result == null) {
            throw new InvalidPluginAnswerException("the carrier returned no result (null)");
        }
        Set<String> consignments = new HashSet<>();
        for (Consignment c : request.consignments()) {
            consignments.add(c.consignmentId());
        }
        if (result.quotes().size() > MAX_QUOTES) {
            throw new InvalidPluginAnswerException(
                    "the carrier returned " + result.quotes().size() + " quotes; at most " + MAX_QUOTES + " are taken");
        }
        Set<String> quoteIds = new HashSet<>();
        Set<String> services = new HashSet<>();
        for (int i = 0; i < result.quotes().size(); i++) {
            RateQuote q = result.quotes().get(i);
            String at = "quotes[" + i + "]";
            if (!consignments.contains(q.consignmentId())) {
                throw new InvalidPluginAnswerException(at + ".consignmentId " + q.consignmentId()
                        + " is not one of the request's consignments " + consignments);
            }
            if (!q.price().currency().equals(request.currency())) {
                throw new InvalidPluginAnswerException(
                        at + ".price is in " + q.price().currency().getCurrencyCode() + "; the request asked for "
                                + request.currency().getCurrencyCode());
            }
            if (!quoteIds.add(q.quoteId())) {
                throw new InvalidPluginAnswerException(at + ".quoteId " + q.quoteId() + " is used twice");
            }
            if (!services.add(q.consignmentId() + "\u0000" + q.serviceCode())) {
                throw new InvalidPluginAnswerException(
                        at + " quotes service " + q.serviceCode() + " twice for consignment " + q.consignmentId());
            }
            if (q.expiresAt() != null && !q.expiresAt().isAfter(now)) {
                throw new InvalidPluginAnswerException(at + ".expiresAt " + q.expiresAt() + " has already passed");
            }
        }
        for (int i = 0; i < result.exclusions().size(); i++) {
            RateExclusion x = result.exclusions().get(i);
            if (!consignments.contains(x.consignmentId())) {
                throw new InvalidPluginAnswerException("exclusions[" + i + "].consignmentId " + x.consignmentId()
                        + " is not one of the request's consignments");
            }
        }
        return result;
    }

    /** Checks the methods a payments plugin offers for a cart. */
    public static List<PaymentMethod> methods(List<PaymentMethod> methods, Cart cart) {
        if (methods == null) {
            throw new InvalidPluginAnswerException("the payments plugin returned no list (null)");
        }
        if (methods.size() > MAX_METHODS) {
            throw new InvalidPluginAnswerException(
                    "the payments plugin offered " + methods.size() + " methods; at most " + MAX_METHODS);
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < methods.size(); i++) {
            PaymentMethod m = methods.get(i);
            String at = "methods[" + i + "]";
            if (m == null) {
                throw new InvalidPluginAnswerException(at + " is null");
            }
            if (!codes.add(m.methodCode())) {
                throw new InvalidPluginAnswerException(at + ".methodCode " + m.methodCode() + " is offered twice");
            }
            currency(m.fee(), cart, at + ".fee");
            currency(m.maximumAmount(), cart, at + ".maximumAmount");
        }
        return List.copyOf(methods);
    }

    private static void currency(Money amount, Cart cart, String field) {
        if (amount != null && !amount.currency().equals(cart.currency())) {
            throw new InvalidPluginAnswerException(
                    field + " is in " + amount.currency().getCurrencyCode() + "; the cart is in "
                            + cart.currency().getCurrencyCode());
        }
    }
}
