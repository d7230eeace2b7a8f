package org.origincheck.domain.bom;

import org.origincheck.domain.automotive.EndUse;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.origincheck.domain.automotive.VehicleFacts;
import org.origincheck.domain.hs.HsCode;

/**
 * The good whose origin is determined. The transaction value is already adjusted to exclude the costs
 * of international shipment (SOR/2020-155 s.7(2)); the net cost is given directly or as total cost
 * minus excluded costs (s.7(11)). {@code vehicle} holds the facts that classify a motor vehicle (SOR/2020-155 s.12).
 */
public record Good(String partNumber, String description, HsCode hsCode, EndUse endUse, String producerCountry,
                   String currency, BigDecimal transactionValue, BigDecimal netCost, Costs costs,
                   WhollyObtained whollyObtained, VehicleFacts vehicle, BigDecimal weight,
                   String importingCountry, String importedFrom, Map<String, Boolean> declarations, boolean classifiedAsSet) {

    /**
     * {@code importingCountry}: the Party the good is imported into (US, CA or MX), for rules that differ by direction of
     * trade; {@code importedFrom}: the country it is imported from (SOR/2020-155 s.3(7), Schedule 2); {@code declarations}:
     * the producer's answers to conditions the law states in words, by question id (never null); {@code classifiedAsSet}: the
     * good is a set classified by Rule 3 of the General Rules of Interpretation, whose materials are the goods in the set
     * (USMCA Art. 4.17; SOR/2020-155 s.6).
     */
    public Good {
        declarations = declarations == null ? Map.of() : Map.copyOf(declarations);
    }

    public Good(String partNumber, String description, HsCode hsCode, EndUse endUse, String producerCountry,
                String currency, BigDecimal transactionValue, BigDecimal netCost, Costs costs,
                WhollyObtained whollyObtained, VehicleFacts vehicle, BigDecimal weight) {
        this(partNumber, description, hsCode, endUse, producerCountry, currency, transactionValue, netCost, costs, whollyObtained, vehicle, weight,
                null, null, null, false);
    }

    /** {@code weight}: kilograms, for the de minimis by weight of textile goods (SOR/2020-155 s.5(6)); usually absent. */
    public Good(String partNumber, String description, HsCode hsCode, EndUse endUse, String producerCountry,
                String currency, BigDecimal transactionValue, BigDecimal netCost, Costs costs, WhollyObtained whollyObtained,
                VehicleFacts vehicle) {
        this(partNumber, description, hsCode, endUse, producerCountry, currency, transactionValue, netCost, costs, whollyObtained, vehicle, null);
    }

    public Good(String partNumber, String description, HsCode hsCode, EndUse endUse, String producerCountry,
                String currency, BigDecimal transactionValue, BigDecimal netCost, Costs costs, WhollyObtained whollyObtained) {
        this(partNumber, description, hsCode, endUse, producerCountry, currency, transactionValue, netCost, costs, whollyObtained, null);
    }

    /** The same good with one fact assumed: used to try each value of a fact the submission did not give. */
    public Good withEndUse(EndUse value) {
        return new Good(partNumber, description, hsCode, value, producerCountry, currency, transactionValue, netCost, costs, whollyObtained,
                vehicle, weight, importingCountry, importedFrom, declarations, classifiedAsSet);
    }

    public Good withVehicle(VehicleFacts value) {
        return new Good(partNumber, description, hsCode, endUse, producerCountry, currency, transactionValue, netCost, costs, whollyObtained,
                value, weight, importingCountry, importedFrom, declarations, classifiedAsSet);
    }

    public Good withImportingCountry(String value) {
        return new Good(partNumber, description, hsCode, endUse, producerCountry, currency, transactionValue, netCost, costs, whollyObtained,
                vehicle, weight, value, importedFrom, declarations, classifiedAsSet);
    }

    public Good withImportedFrom(String value) {
        return new Good(partNumber, description, hsCode, endUse, producerCountry, currency, transactionValue, netCost, costs, whollyObtained,
                vehicle, weight, importingCountry, value, declarations, classifiedAsSet);
    }

    public Good withDeclarations(Map<String, Boolean> value) {
        return new Good(partNumber, description, hsCode, endUse, producerCountry, currency, transactionValue, netCost, costs, whollyObtained,
                vehicle, weight, importingCountry, importedFrom, value, classifiedAsSet);
    }

    public Optional<BigDecimal> transactionValueBasis() {
        return Optional.ofNullable(transactionValue);
    }

    public Optional<BigDecimal> netCostBasis() {
        if (netCost != null) {
            return Optional.of(netCost);
        }
        return costs == null ? Optional.empty() : Optional.of(costs.netCost());
    }

    public Optional<BigDecimal> totalCost() {
        return costs == null ? Optional.empty() : Optional.ofNullable(costs.totalCost());
    }

}
