package org.origincheck.domain.automotive;

/**
 * The kinds of vehicle of 8703.21-8703.90 the definition of "passenger vehicle" excludes (SOR/2020-155 s.12,
 * paragraphs (b), (d) and (e)); STANDARD is any other. All-terrain vehicles (paragraph (c)) are vehicles
 * "solely or principally for off-road use" (the two definitions are word for word the same) and are given
 * with {@code offRoad}.
 */
public enum VehicleBodyType {
    STANDARD,
    THREE_OR_FOUR_WHEELED_MOTORCYCLE,
    MOTORHOME_OR_ENTERTAINER_COACH,
    AMBULANCE_HEARSE_OR_PRISON_VAN
}
