package io.caravan.platform.catalog.domain;

/**
 * One invalid input field, named as the client sent it ({@code variants[1].prices.EUR}, or for a
 * CSV import {@code row 17: price_EUR}).
 */
public record FieldViolation(String field, String message) {}
