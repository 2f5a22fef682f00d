package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.money.Money;
import java.time.LocalDate;

/**
 * What the store knows about a customer's buying, for deciding a tier.
 *
 * @param customer         the customer
 * @param spendLast12Months what the customer paid in the last 12 months, net of refunds, in the
 *                         store's currency; not negative
 * @param ordersLast12Months how many orders the customer placed in the last 12 months; not negative
 * @param memberSince      when the customer joined the store's programme, or null if not a member yet
 */
public record MemberProfile(Customer customer, Money spendLast12Months, int ordersLast12Months, LocalDate memberSince) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public MemberProfile {
        Checks.required(customer, "MemberProfile.customer");
        Checks.nonNegative(spendLast12Months, "MemberProfile.spendLast12Months");
        Checks.nonNegative(ordersLast12Months, "MemberProfile.ordersLast12Months");
    }
}
