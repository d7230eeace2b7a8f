package org.origincheck.domain.rules;

/**
 * An alternative that applies only to a good described in words: "(A) A change to klystrons of subheading 8540.79 ..."
 * applies when the good is declared to be klystrons ({@code required} true); "(B) A change to any other good of
 * subheading 8540.79 ..." applies when it is declared not to be ({@code required} false).
 */
public record GoodCondition(Question question, boolean required) {
}
