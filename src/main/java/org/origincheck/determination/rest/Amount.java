package org.origincheck.determination.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * The bounds of an amount: what {@code @DecimalMin(value = min, inclusive = minInclusive, message = minMessage)},
 * {@code @DecimalMax(max)} and {@code @Digits(integer, fraction)} said together, checked by Hibernate Validator as one
 * constraint. Hibernate Validator reads a member and walks its path once per constraint, and a material carries five
 * amounts: three constraints each were 15 of a material's 23 (issue 19, docs/benchmarks.md, branch i19u). Each bound that
 * fails is its own violation, with the message template and parameters of the constraint it replaces ({@code {value}},
 * {@code ${inclusive}}, {@code {integer}}, {@code {fraction}}), so a 400 names the same field with the same reasons as
 * before. {@code AmountProperties} holds it equal, through Hibernate Validator, to the three constraints over generated
 * amounts (signs, scales, exponents, bounds and one past them). A null is valid, as for the three: {@code @NotNull} says
 * whether an amount is required.
 */
@Documented
@Constraint(validatedBy = Amount.Check.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Amount {

    /** {@code @DecimalMin}'s value. */
    String min() default "0";

    /** {@code @DecimalMin}'s inclusive. */
    boolean minInclusive() default true;

    /** {@code @DecimalMin}'s message. */
    String minMessage() default "{jakarta.validation.constraints.DecimalMin.message}";

    /** {@code @DecimalMax}'s value (inclusive, its message the default). */
    String max();

    /** {@code @Digits}' integer. */
    int integer();

    /** {@code @Digits}' fraction. */
    int fraction();

    /** Not used: each failing bound is reported with its own constraint's message. */
    String message() default "{jakarta.validation.constraints.Digits.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    String MAX_MESSAGE = "{jakarta.validation.constraints.DecimalMax.message}";
    String DIGITS_MESSAGE = "{jakarta.validation.constraints.Digits.message}";

    /** The three checks as Hibernate Validator makes them for a BigDecimal (DecimalMin/MaxValidatorForBigDecimal, DigitsValidatorForNumber). */
    final class Check implements ConstraintValidator<Amount, BigDecimal> {
        private BigDecimal min;
        private String minText;
        private boolean minInclusive;
        private String minMessage;
        private BigDecimal max;
        private String maxText;
        private int integer;
        private int fraction;

        @Override
        public void initialize(Amount amount) {
            minText = amount.min();
            min = new BigDecimal(minText);
            minInclusive = amount.minInclusive();
            minMessage = amount.minMessage();
            maxText = amount.max();
            max = new BigDecimal(maxText);
            integer = amount.integer();
            fraction = amount.fraction();
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int toMin = value.compareTo(min);
            boolean aboveMin = minInclusive ? toMin >= 0 : toMin > 0;
            boolean belowMax = value.compareTo(max) <= 0;
            int integerDigits = value.precision() - value.scale();
            int fractionDigits = value.scale() < 0 ? 0 : value.scale();
            boolean digits = integer >= integerDigits && fraction >= fractionDigits;
            if (aboveMin && belowMax && digits) {
                return true;
            }
            // Only a refused amount pays for this: a violation per failed bound, interpolated as the replaced constraint's.
            HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
            hibernate.disableDefaultConstraintViolation();
            if (!aboveMin) {
                hibernate.addMessageParameter("value", minText).addExpressionVariable("inclusive", minInclusive);
                hibernate.buildConstraintViolationWithTemplate(minMessage).enableExpressionLanguage().addConstraintViolation();
            }
            if (!belowMax) {
                hibernate.addMessageParameter("value", maxText).addExpressionVariable("inclusive", true);
                hibernate.buildConstraintViolationWithTemplate(MAX_MESSAGE).enableExpressionLanguage().addConstraintViolation();
            }
            if (!digits) {
                hibernate.addMessageParameter("integer", integer).addMessageParameter("fraction", fraction);
                hibernate.buildConstraintViolationWithTemplate(DIGITS_MESSAGE).enableExpressionLanguage().addConstraintViolation();
            }
            return false;
        }
    }
}
