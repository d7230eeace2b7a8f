package org.origincheck.config;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Bean Validation of a submission traverses every property of every material. Hibernate Validator wraps the traversable
 * resolver in a cache for each validation, one entry per (object, property): for four concurrent submissions of
 * 50,000 materials that was about 1.9 million entries (140 MB) in a 256 MB heap, and bench/http.sh saw five of its twelve
 * largest submissions end in OutOfMemoryError (500). The validated objects are request records, never JPA entities
 * (Hibernate ORM validates entities with its own resolver), so there is nothing lazy to protect: every property is
 * traversable and no cache is kept.
 */
@ApplicationScoped
public class ValidationMemory implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.traversableResolver(new EveryPropertyTraversable()).enableTraversableResolverResultCache(false);
    }

    /** Request records have no lazy state: every property may be reached and cascaded. */
    static final class EveryPropertyTraversable implements TraversableResolver {

        @Override
        public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType, Path pathToTraversableObject,
                                   ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType, Path pathToTraversableObject,
                                    ElementType elementType) {
            return true;
        }
    }
}
