package org.origincheck.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;

/**
 * The validator of the running service uses a resolver that keeps nothing per property (config/ValidationMemory).
 * Before it, Hibernate Validator cached the JPA-aware resolver's answers for every material and property of a
 * submission, and four concurrent submissions of 50,000 materials ran out of a 256 MB heap (bench/http.sh, 2026-12-04:
 * 5 of 12 answered 500). The memory itself is measured by bench/http.sh, not here.
 */
@QuarkusTest
class ValidationMemoryTest {

    @Inject
    ValidatorFactory validators;

    @Test
    void shouldValidateRequestRecordsWithAResolverThatKeepsNothing() {
        assertThat(validators.getTraversableResolver()).isInstanceOf(ValidationMemory.EveryPropertyTraversable.class);
    }
}
