package io.caravan.archfixture.platform.orders.domain;

/** A clean domain type. */
public record Order(String id) {}
