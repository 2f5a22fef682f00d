package io.caravan.platform.catalog.domain;

import java.util.ArrayList;
import java.util.List;

/** Collects every violation of one input, so the client learns all of them at once. */
public final class Violations {
    private final List<FieldViolation> found = new ArrayList<>();

    public Violations add(String field, String message) {
        found.add(new FieldViolation(field, message));
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(found);
    }

    /** Throws {@link InvalidCatalogInputException} naming every violation, if there is one. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidCatalogInputException(found);
        }
    }
}
