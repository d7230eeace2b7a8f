package org.origincheck.security;

/**
 * The roles a token's {@code groups} claim carries. submitter: create and read its tenant's
 * determinations; reviewer: review actions and certifications, and read; auditor: read-only and exports;
 * admin: tenant settings. Every role works inside the tenant of its token only.
 */
public final class Roles {
    public static final String SUBMITTER = "submitter";
    public static final String REVIEWER = "reviewer";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
