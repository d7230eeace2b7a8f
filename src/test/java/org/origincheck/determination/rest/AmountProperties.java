package org.origincheck.determination.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Amount} (issue 19, branch i19u) refuses exactly what {@code @DecimalMin}, {@code @DecimalMax} and {@code @Digits}
 * refused, with the same messages: a record with the three constraints, as the request records had them (the specification,
 * kept here), and one with {@code @Amount} are validated by the same Hibernate Validator, and their violations (path and
 * interpolated message) compared, for every combination of bounds the request records use, over generated amounts: signs,
 * zero, scales from -20 to 20 (trailing zeros and exponents kept, as Jackson keeps them), up to 30 digits, the bounds and one
 * unit of the last place either side of them.
 */
class AmountProperties {

    private static final Validator VALIDATOR = ValidationAnswersUnchangedTest.validator();

    record Before(
            @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") @DecimalMax(ApiPatterns.MAX_MONEY)
            @Digits(integer = 15, fraction = 6) BigDecimal positiveMoney,
            @DecimalMin(value = "0", message = "may not be negative") @DecimalMax(ApiPatterns.MAX_MONEY)
            @Digits(integer = 15, fraction = 6) BigDecimal money,
            @DecimalMin(value = "0", message = "may not be negative") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 6) BigDecimal quantity,
            @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") @DecimalMax("1000000000000")
            @Digits(integer = 13, fraction = 6) BigDecimal positiveWeight,
            @DecimalMin("0") @DecimalMax(ApiPatterns.MAX_MONEY) @Digits(integer = 15, fraction = 6) BigDecimal excludedCosts) {
    }

    record After(
            @Amount(minInclusive = false, minMessage = "must be greater than 0", max = ApiPatterns.MAX_MONEY, integer = 15, fraction = 6)
            BigDecimal positiveMoney,
            @Amount(minMessage = "may not be negative", max = ApiPatterns.MAX_MONEY, integer = 15, fraction = 6) BigDecimal money,
            @Amount(minMessage = "may not be negative", max = "1000000000000", integer = 13, fraction = 6) BigDecimal quantity,
            @Amount(minInclusive = false, minMessage = "must be greater than 0", max = "1000000000000", integer = 13, fraction = 6)
            BigDecimal positiveWeight,
            @Amount(max = ApiPatterns.MAX_MONEY, integer = 15, fraction = 6) BigDecimal excludedCosts) {
    }

    @Property(tries = 5_000)
    void refusesWhatTheThreeConstraintsRefusedWithTheirMessages(@ForAll("amounts") BigDecimal amount) {
        assertEquals(violations(new Before(amount, amount, amount, amount, amount)), violations(new After(amount, amount, amount, amount, amount)),
                () -> amount.toString() + " (scale " + amount.scale() + ")");
    }

    @Example
    void theBoundsAndTheirMessages() {
        BigDecimal over = new BigDecimal("-1000000000000000.0000001");
        Set<String> after = violations(new After(over, over, over, over, over));
        assertEquals(violations(new Before(over, over, over, over, over)), after);
        // Written out once, so that a change of interpolation shows here and not only as an agreement of two changes.
        assertEquals(true, after.contains("excludedCosts: must be greater than or equal to 0"), after::toString);
        assertEquals(true, after.contains("money: numeric value out of bounds (<15 digits>.<6 digits> expected)"), after::toString);
        BigDecimal big = new BigDecimal("1000000000000000.5");
        Set<String> tooBig = violations(new After(big, big, big, big, big));
        assertEquals(violations(new Before(big, big, big, big, big)), tooBig);
        assertEquals(true, tooBig.contains("money: must be less than or equal to 1000000000000000"), tooBig::toString);
        assertEquals(Set.of(), violations(new After(null, null, null, null, null)));
    }

    private static Set<String> violations(Object bean) {
        Set<String> out = new TreeSet<>();
        for (ConstraintViolation<Object> v : VALIDATOR.validate(bean)) {
            out.add(v.getPropertyPath() + ": " + v.getMessage());
        }
        return out;
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        Arbitrary<BigDecimal> generated = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)),
                Arbitraries.integers().between(0, 30), Arbitraries.integers().between(-20, 20))
                .as((n, digits, scale) -> new BigDecimal(n.mod(BigInteger.TEN.pow(digits + 1)).multiply(BigInteger.valueOf(n.signum() < 0 ? -1 : 1)), scale));
        Arbitrary<BigDecimal> bounds = Arbitraries.of("0", "-0", "0.000000", "0E+5", "0E-10", "1E-6", "1E-7", "-1E-6", "-1E-7", "0.0000001",
                "1000000000000000", "1000000000000000.000000", "1000000000000000.000001", "999999999999999.999999", "999999999999999.9999999",
                "1000000000000001", "1E+15", "1E+16", "1.0E+15", "1000000000000", "1000000000000.000001", "999999999999.999999", "1E+12",
                "9999999999999.999999", "99999999999999", "1E+400", "-1E+400", "1E-400", "12345678901234567890.1234567").map(BigDecimal::new);
        return Arbitraries.oneOf(generated, bounds);
    }
}
