package io.caravan.platform.shared.api;

import io.caravan.platform.shared.domain.InvalidInputException;
import java.util.List;

/**
 * A request body that knows the domain rules its fields must keep (a slug that is not reserved, a
 * real currency). {@link RequestBodyValidation} asks it after Bean Validation and answers every
 * broken rule together with the constraint violations, so a client learns of all invalid fields
 * at once rather than one per attempt. Implementations must tolerate missing (null) fields: those
 * are Bean Validation's to report.
 */
public interface CheckedBody {
    /** Every rule the body breaks, by field; empty when none. */
    List<InvalidInputException.FieldIssue> fieldIssues();
}
