package io.caravan.sdk.membership;

/** What a member did, besides ordering, that a programme may reward. New types may be added in a minor version. */
public enum InteractionType {
    /** Joined the programme. */
    SIGN_UP,
    /** Wrote a review of a product they bought. */
    REVIEW,
    /** Referred a new customer who ordered. */
    REFERRAL,
    /** Their birthday came round. */
    BIRTHDAY
}
