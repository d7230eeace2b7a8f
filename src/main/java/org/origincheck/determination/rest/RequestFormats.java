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

/**
 * The text formats of a submission that every material repeats (HS codes, country and currency codes, question ids), as
 * constraints Hibernate Validator checks in place of {@code @Pattern}: each is the regular expression of {@link ApiPatterns}
 * written out by hand, because a regular expression was a seventh of a submission's validation (issue 19, docs/benchmarks.md,
 * branch i19u). Hibernate Validator still decides every 400: the same field, the same message, in the same place of the
 * answer. The expressions stay in {@link ApiPatterns} as the specification; {@code RequestFormatsProperties} holds each check
 * equal to its expression over generated text (near misses, non-ASCII digits and letters, empty, long).
 * A null is valid, as for {@code @Pattern}: {@code @NotNull} or {@code @NotBlank} says whether a member is required.
 * The targets are {@code @Pattern}'s, so that a record component carries them where it carried {@code @Pattern}.
 */
public final class RequestFormats {

    private RequestFormats() {
    }

    /** {@link ApiPatterns#HS_CODE}: 4 digits, then one to three pairs of digits, each after an optional dot (ASCII digits only). */
    @Documented
    @Constraint(validatedBy = HsCodeTextValidator.class)
    @Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface HsCodeText {
        String message() default ApiPatterns.HS_CODE_MESSAGE;

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** {@code [A-Z]{n}}: exactly {@code count} ASCII capital letters (ISO 3166-1 alpha-2, ISO 4217). */
    @Documented
    @Constraint(validatedBy = CapitalLettersValidator.class)
    @Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface CapitalLetters {
        int count();

        String message();

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** {@code A|B|C}: one of the given texts, exactly (an alternation of literals). */
    @Documented
    @Constraint(validatedBy = OneOfValidator.class)
    @Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface OneOf {
        String[] value();

        String message();

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** {@link ApiPatterns#QUESTION_ID}: an ASCII letter or digit, then at most 79 of letters, digits and . : _ - [ ]. */
    @Documented
    @Constraint(validatedBy = QuestionIdValidator.class)
    @Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface QuestionId {
        String message() default ApiPatterns.QUESTION_ID_MESSAGE;

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Whether {@code text} matches {@link ApiPatterns#HS_CODE} as a whole. */
    public static boolean isHsCode(CharSequence text) {
        int n = text.length();
        if (n < 6 || n > 13 || !asciiDigits(text, 0, 4)) {
            return false;
        }
        int i = 4;
        int pairs = 0;
        while (i < n && pairs < 3) {
            if (text.charAt(i) == '.') {
                i++;
            }
            if (i + 2 > n || !asciiDigits(text, i, i + 2)) {
                return false;
            }
            i += 2;
            pairs++;
        }
        return i == n && pairs > 0;
    }

    /** Whether {@code text} matches {@code [A-Z]{count}}. */
    public static boolean isCapitalLetters(CharSequence text, int count) {
        if (text.length() != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            char c = text.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} matches {@link ApiPatterns#QUESTION_ID}. */
    public static boolean isQuestionId(CharSequence text) {
        int n = text.length();
        if (n < 1 || n > 80 || !letterOrDigit(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = text.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != ':' && c != '_' && c != '[' && c != ']' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code \d} without UNICODE_CHARACTER_CLASS: ASCII digits only. */
    private static boolean asciiDigits(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    public static final class HsCodeTextValidator implements ConstraintValidator<HsCodeText, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || isHsCode(value);
        }
    }

    public static final class CapitalLettersValidator implements ConstraintValidator<CapitalLetters, CharSequence> {
        private int count;

        @Override
        public void initialize(CapitalLetters annotation) {
            count = annotation.count();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || isCapitalLetters(value, count);
        }
    }

    public static final class OneOfValidator implements ConstraintValidator<OneOf, CharSequence> {
        private String[] allowed;

        @Override
        public void initialize(OneOf annotation) {
            allowed = annotation.value().clone();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            for (String a : allowed) {
                if (a.contentEquals(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    public static final class QuestionIdValidator implements ConstraintValidator<QuestionId, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || isQuestionId(value);
        }
    }
}
