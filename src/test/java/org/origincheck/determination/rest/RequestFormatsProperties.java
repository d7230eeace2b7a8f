package org.origincheck.determination.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written format checks of {@link RequestFormats} (issue 19, branch i19u) accept exactly what the regular expressions
 * they replaced accepted: the expressions ({@link ApiPatterns}, and the literal ones below as they stood on the request records)
 * are the specification, compared over generated text that is mostly near misses (a digit short or over, dots doubled or
 * trailing, non-ASCII digits and letters, combining marks, blanks, empty, 80 and 81 characters). Through Hibernate Validator
 * too: a record with the old {@code @Pattern} and one with the new constraint get the same violations (path and message).
 */
class RequestFormatsProperties {

    private static final java.util.regex.Pattern HS_CODE = java.util.regex.Pattern.compile(ApiPatterns.HS_CODE);
    private static final java.util.regex.Pattern QUESTION_ID = java.util.regex.Pattern.compile(ApiPatterns.QUESTION_ID);
    private static final java.util.regex.Pattern TWO_LETTERS = java.util.regex.Pattern.compile("[A-Z]{2}");
    private static final java.util.regex.Pattern THREE_LETTERS = java.util.regex.Pattern.compile("[A-Z]{3}");
    private static final java.util.regex.Pattern PRODUCER = java.util.regex.Pattern.compile("US|MX|CA");
    private static final java.util.regex.Pattern TABLES = java.util.regex.Pattern.compile("A\\.1|A\\.2|B|C|D|E|F|G|S");
    private static final Validator VALIDATOR = ValidationAnswersUnchangedTest.validator();

    @Property(tries = 20_000)
    void anHsCodeIsWhatTheExpressionAccepts(@ForAll("codeLike") String text) {
        assertEquals(HS_CODE.matcher(text).matches(), RequestFormats.isHsCode(text), () -> "'" + text + "'");
    }

    @Property(tries = 20_000)
    void aQuestionIdIsWhatTheExpressionAccepts(@ForAll("questionLike") String text) {
        assertEquals(QUESTION_ID.matcher(text).matches(), RequestFormats.isQuestionId(text), () -> "'" + text + "'");
    }

    @Property(tries = 10_000)
    void capitalLettersAreWhatTheExpressionsAccept(@ForAll("lettersLike") String text) {
        assertEquals(TWO_LETTERS.matcher(text).matches(), RequestFormats.isCapitalLetters(text, 2), () -> "'" + text + "'");
        assertEquals(THREE_LETTERS.matcher(text).matches(), RequestFormats.isCapitalLetters(text, 3), () -> "'" + text + "'");
    }

    /** Through Hibernate Validator: the same violations, null included, for each replaced constraint. */
    @Property(tries = 3_000)
    void hibernateValidatorRefusesWhatItRefusedBefore(@ForAll("anyFormat") String text) {
        String value = text.equals("<null>") ? null : text;
        assertEquals(violations(new Before(value, value, value, value, value, value, Map.of(value == null ? "k" : value, true))),
                violations(new After(value, value, value, value, value, value, Map.of(value == null ? "k" : value, true))), () -> "'" + text + "'");
    }

    record Before(@Pattern(regexp = ApiPatterns.HS_CODE, message = ApiPatterns.HS_CODE_MESSAGE) String hsCode,
                  @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as CN") String country,
                  @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
                  @Pattern(regexp = "US|MX|CA", message = "must be US, MX or CA") String producer,
                  @Pattern(regexp = "US|CA|MX", message = "must be US, CA or MX") String importing,
                  @Pattern(regexp = "A\\.1|A\\.2|B|C|D|E|F|G|S", message = "must be a table") String table,
                  Map<@Pattern(regexp = ApiPatterns.QUESTION_ID, message = ApiPatterns.QUESTION_ID_MESSAGE) String, Boolean> declarations) {
    }

    record After(@RequestFormats.HsCodeText String hsCode,
                 @RequestFormats.CapitalLetters(count = 2, message = "must be an ISO 3166-1 alpha-2 code such as CN") String country,
                 @RequestFormats.CapitalLetters(count = 3, message = "must be an ISO 4217 code such as USD") String currency,
                 @RequestFormats.OneOf(value = {"US", "MX", "CA"}, message = "must be US, MX or CA") String producer,
                 @RequestFormats.OneOf(value = {"US", "CA", "MX"}, message = "must be US, CA or MX") String importing,
                 @RequestFormats.OneOf(value = {"A.1", "A.2", "B", "C", "D", "E", "F", "G", "S"}, message = "must be a table") String table,
                 Map<@RequestFormats.QuestionId String, Boolean> declarations) {
    }

    private static Set<String> violations(Object bean) {
        Set<String> out = new TreeSet<>();
        for (ConstraintViolation<Object> v : VALIDATOR.validate(bean)) {
            out.add(v.getPropertyPath() + ": " + v.getMessage());
        }
        return out;
    }

    @Example
    void theDocumentedForms() {
        assertEquals(true, RequestFormats.isHsCode("8708.40"));
        assertEquals(true, RequestFormats.isHsCode("8708.40.7500"));
        assertEquals(false, RequestFormats.isHsCode(" 8708.40")); // the parser trims; the constraint, like the expression, does not
        assertEquals(false, RequestFormats.isHsCode("８７０８４０"));
        assertEquals(true, RequestFormats.isQuestionId("8708.40:gear-box"));
        assertEquals(true, RequestFormats.isQuestionId("materials[2].partOfGood"));
        assertEquals(false, RequestFormats.isQuestionId("-x"));
        assertEquals(false, RequestFormats.isQuestionId("a".repeat(81)));
        assertEquals(violations(new Before("84", "cn", "usd", "us", "ca", "A1", Map.of("", true))),
                violations(new After("84", "cn", "usd", "us", "ca", "A1", Map.of("", true))));
    }

    @Provide
    Arbitrary<String> codeLike() {
        return Arbitraries.strings().withChars("0123456789012345678901234567890123456789....  a\t٣３\n").ofMinLength(0).ofMaxLength(16);
    }

    @Provide
    Arbitrary<String> questionLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("aZ09.:_-[] /é٣\u0301$").ofMinLength(0).ofMaxLength(12),
                Arbitraries.strings().withChars("aZ09.:_-[]").ofMinLength(76).ofMaxLength(84),
                Arbitraries.strings().all().ofMinLength(0).ofMaxLength(6));
    }

    @Provide
    Arbitrary<String> lettersLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("AZMUSCDaz@[`{ÄÉ\u0301 1").ofMinLength(0).ofMaxLength(4),
                Arbitraries.strings().all().ofMinLength(0).ofMaxLength(4));
    }

    @Provide
    Arbitrary<String> anyFormat() {
        return Arbitraries.oneOf(codeLike(), questionLike(), lettersLike(),
                Arbitraries.of("<null>", "US", "MX", "CA", "USA", "U", "A.1", "A.2", "A", "S", "AA.1", "A.1 ", "Ａ.1", "8402.11", "DE"));
    }
}
