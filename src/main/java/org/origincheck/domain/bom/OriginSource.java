package org.origincheck.domain.bom;

/** What decided a material's origin (API contract, "v1 additions": materials[].originSource). */
public enum OriginSource {
    /** The submitter stated it in materials[].origin. */
    STATED,
    /** Determined from the material's own components (an intermediate material, USMCA Art. 4.8). */
    COMPONENTS,
    /** A stored determination of the same tenant, as it stood after review on the as-of date. */
    DETERMINATION,
    /** A supplier's declaration valid on the as-of date; or, without one, UNKNOWN. */
    DECLARATION
}
