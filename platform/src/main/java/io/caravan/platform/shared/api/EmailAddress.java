package io.caravan.platform.shared.api;

import io.caravan.platform.shared.domain.EmailAddresses;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An e-mail address by {@link EmailAddresses}' rule; null is left to {@code @NotNull}. */
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE,
    ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EmailAddress.Check.class)
public @interface EmailAddress {
    String message() default "must be an e-mail address such as name@example.com";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The validator: the rule's own message for what is wrong. */
    class Check implements ConstraintValidator<EmailAddress, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            var problem = EmailAddresses.problem(value);
            if (problem.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            problem.get().replace("{", "\\{").replace("$", "\\$"))
                    .addConstraintViolation();
            return false;
        }
    }
}
