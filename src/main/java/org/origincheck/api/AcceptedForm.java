package org.origincheck.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Which of a resource's forms the client asked for. The first Accept entry (JAX-RS orders them by quality, then
 * specificity, then as the client listed them) that names one form and not another decides; {@code *}{@code /*}, or
 * {@code application/*} for PDF beside JSON, names none, and the resource's default form (JSON) answers. A client
 * generated from the OpenAPI document sends every form listed there, JSON first ("application/json, application/pdf"):
 * it gets JSON, where it used to get the form the resource happened to check for (the PDF, the CSV).
 */
public final class AcceptedForm {

    private AcceptedForm() {
    }

    /** True when {@code wanted} comes before every one of {@code others} (the resource's other forms) in Accept. */
    public static boolean prefers(HttpHeaders headers, MediaType wanted, MediaType... others) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()) {
                continue;
            }
            boolean wantedMatches = accepted.isCompatible(wanted);
            boolean otherMatches = java.util.Arrays.stream(others).anyMatch(accepted::isCompatible);
            if (wantedMatches != otherMatches) {
                return wantedMatches;
            }
            // neither, or both (application/* for PDF and JSON): the next entry decides
        }
        return false;
    }
}
