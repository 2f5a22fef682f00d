package io.caravan.platform.shared.api;

import java.util.Optional;

/**
 * How a context answers the failures it throws on purpose. Each context whose exceptions the client
 * should read about contributes one from its {@code api} package, as a CDI bean; {@link ProblemMapper}
 * asks every translation about every failure (and each of its causes), so {@code shared} knows no
 * context's exceptions. Translations are disjoint: each recognizes its own context's exceptions only.
 */
@FunctionalInterface
public interface ProblemTranslation {
    /** The problem document for this failure if it is one of the context's own; empty otherwise. */
    Optional<Problem> toProblem(Throwable failure);
}
