package io.caravan.archfixture.platform.shared.api;

/** Shared's HTTP vocabulary. */
public record ProblemDocument(int status, String detail) {}
