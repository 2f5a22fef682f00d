/**
 * A miniature platform with deliberate boundary violations, laid out as the real one is (contexts
 * under {@code platform}, each with its layers, plus an {@code sdk}). ArchitectureTestFixtureTest
 * runs the architecture rules on it alone to prove that each rule fails, and names the offending
 * class, when its boundary is crossed. Never loaded by the platform.
 */
package io.caravan.archfixture;
