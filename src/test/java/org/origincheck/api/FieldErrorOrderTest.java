package org.origincheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two refusals of one field come out of Hibernate Validator as a set whose order changes from one JVM to the next: a
 * 400 must list them in one order regardless, so that a client (or a CI job diffing reports) sees the same answer to the
 * same request.
 */
class FieldErrorOrderTest {

    record Part(@Size(min = 5, message = "must be at least 5 characters") @Pattern(regexp = "[0-9]+", message = "must be digits") String code) {
    }

    @Test
    void errorsOfOneFieldComeInTheSameOrderWhateverOrderTheValidatorGivesThem() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            List<ConstraintViolation<Part>> violations = new ArrayList<>(validator.validate(new Part("ab")));
            assertThat(violations).hasSize(2);

            Set<ConstraintViolation<Part>> oneOrder = new LinkedHashSet<>(violations);
            List<ConstraintViolation<Part>> reversed = new ArrayList<>(violations);
            Collections.reverse(reversed);
            Set<ConstraintViolation<Part>> otherOrder = new LinkedHashSet<>(reversed);

            List<Problem.FieldError> first = ProblemMappers.fieldErrors(oneOrder);
            assertThat(ProblemMappers.fieldErrors(otherOrder)).isEqualTo(first);
            assertThat(first).extracting(Problem.FieldError::message)
                    .containsExactly("must be at least 5 characters", "must be digits");
        }
    }
}
