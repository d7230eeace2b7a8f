package org.origincheck.determination.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.origincheck.domain.automotive.VehicleBodyType;

@Schema(name = "Vehicle", description = "For a motor vehicle of 87.01-87.06: the facts that decide its class (SOR/2020-155 s.12). "
        + "Asked for only where the class depends on them.")
public record VehicleInput(
        @Schema(description = "Solely or principally for off-road use: does not meet the on-road safety and emissions standards (also covers all-terrain vehicles)")
        Boolean offRoad,
        @Schema(description = "Has a compression-ignition (diesel) engine; needed for 8703.90 only (other 87.03 subheadings say it)")
        Boolean compressionIgnition,
        @Schema(description = "STANDARD, or one of the kinds the definition of passenger vehicle excludes")
        VehicleBodyType bodyType,
        @Schema(description = "Persons it is for the transport of, including the driver (heading 87.02)")
        @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000") Integer passengerCapacity) {
}
