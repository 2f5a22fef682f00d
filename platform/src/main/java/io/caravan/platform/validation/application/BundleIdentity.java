package io.caravan.platform.validation.application;

/**
 * The bundle as its manifest names it, as written (valid or not: the checks say). A report carries
 * one only when the manifest has both headers.
 *
 * @param symbolicName {@code Bundle-SymbolicName} without directives
 * @param version      {@code Bundle-Version}, trimmed
 */
public record BundleIdentity(String symbolicName, String version) {}
