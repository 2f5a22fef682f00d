package io.caravan.platform.marketplace.domain;

import io.caravan.platform.shared.domain.InvalidInputException;

/** The rules of what a store may write in a review: stars 1 to 5, a one-line title, a body. */
public final class ReviewText {
    public static final int MAX_TITLE = 120;
    public static final int MAX_BODY = 2000;

    private ReviewText() {}

    public static int stars(Integer stars) {
        if (stars == null || stars < 1 || stars > 5) {
            throw new InvalidInputException("stars must be a whole number from 1 to 5");
        }
        return stars;
    }

    /** Optional, one line, at most 120 characters; blank becomes absent. */
    public static String title(String title) {
        String value = blankToNull(title);
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_TITLE) {
            throw new InvalidInputException("title must be at most " + MAX_TITLE + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("title must be one line without control characters");
        }
        return value;
    }

    /** Optional, at most 2000 characters; line breaks and tabs allowed, other control characters not. */
    public static String body(String body) {
        String value = blankToNull(body);
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_BODY) {
            throw new InvalidInputException("body must be at most " + MAX_BODY + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidInputException("body must not contain control characters other than line breaks and tabs");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
