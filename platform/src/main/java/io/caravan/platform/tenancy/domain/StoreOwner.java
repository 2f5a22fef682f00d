package io.caravan.platform.tenancy.domain;

/** The person who owns a store, as known to the identity provider. */
public record StoreOwner(String userId, String email, String firstName, String lastName) {}
