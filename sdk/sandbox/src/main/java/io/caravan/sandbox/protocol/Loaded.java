package io.caravan.sandbox.protocol;

import java.util.List;

/**
 * The bundle is loaded.
 *
 * @param symbolicName its Bundle-SymbolicName
 * @param version      its Bundle-Version
 * @param points       the extension points it provides (names of {@code ExtensionPoint})
 */
public record Loaded(String symbolicName, String version, List<String> points) {}
