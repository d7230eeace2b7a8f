package org.origincheck.determination.rest;

/**
 * Examples shown in the OpenAPI document; the same BOMs as examples/boiler-bom.json, examples/boiler-bom.csv and
 * examples/passenger-vehicle-bom.json.
 */
final class OpenApiExamples {

    /** examples/boiler-bom.csv; the good goes in the query string (hsCode=8402.11&producerCountry=MX&currency=USD&...). */
    static final String BOILER_CSV = """
            partNumber,description,hsCode,origin,countryOfOrigin,value,quantity,unit,kind
            DRUM-01,Boiler drum and tubes (parts of boilers),8402.90,NON_ORIGINATING,DE,30000.00,1,EA,
            BURN-02,Burner assembly,8416.10,NON_ORIGINATING,IT,8000.00,1,EA,
            PLATE-03,Steel plate,7208.51,ORIGINATING,US,22000.00,12,T,
            CRATE-04,Export crate,4415.10,NON_ORIGINATING,,900.00,,,SHIPPING_PACKING
            """;

    static final String BOILER = """
            {
              "reference": "PO-4411",
              "asOf": "2026-07-01",
              "good": {
                "partNumber": "BLR-8402-11",
                "description": "Watertube steam boiler, 50 t/h",
                "hsCode": "8402.11",
                "producerCountry": "MX",
                "currency": "USD",
                "transactionValue": 100000.00,
                "netCost": 90000.00
              },
              "materials": [
                { "partNumber": "DRUM-01", "description": "Boiler drum and tubes (parts of boilers)", "hsCode": "8402.90",
                  "origin": "NON_ORIGINATING", "countryOfOrigin": "DE", "value": 30000.00, "quantity": 1, "unit": "EA" },
                { "partNumber": "BURN-02", "description": "Burner assembly", "hsCode": "8416.10",
                  "origin": "NON_ORIGINATING", "countryOfOrigin": "IT", "value": 8000.00, "quantity": 1, "unit": "EA" },
                { "partNumber": "PLATE-03", "description": "Steel plate", "hsCode": "7208.51",
                  "origin": "ORIGINATING", "countryOfOrigin": "US", "value": 22000.00, "quantity": 12, "unit": "T" },
                { "partNumber": "CRATE-04", "description": "Export crate", "hsCode": "4415.10",
                  "origin": "NON_ORIGINATING", "value": 900.00, "kind": "SHIPPING_PACKING" }
              ]
            }
            """;

    /** The same submission as examples/passenger-vehicle-bom.json: a passenger vehicle with its producer-level facts. */
    static final String PASSENGER_VEHICLE = """
{
  "reference": "MY2027-SEDAN-LX",
  "asOf": "2026-07-01",
  "good": {
    "partNumber": "SEDAN-LX",
    "description": "Passenger car, 2.0 l spark-ignition engine",
    "hsCode": "8703.23",
    "producerCountry": "MX",
    "currency": "USD",
    "netCost": 20000.00,
    "vehicle": { "offRoad": false, "bodyType": "STANDARD" }
  },
  "materials": [
    { "partNumber": "ENG-1", "description": "Engine, 2.0 l", "hsCode": "8407.34", "origin": "ORIGINATING", "value": 4000.00 },
    { "partNumber": "TRN-1", "description": "Automatic transmission", "hsCode": "8708.40", "origin": "ORIGINATING", "value": 2000.00 },
    { "partNumber": "BODY-1", "description": "Body in white", "hsCode": "8707.10", "origin": "ORIGINATING", "value": 3000.00 },
    { "partNumber": "SEATS", "description": "Seat set", "hsCode": "9401.20", "origin": "NON_ORIGINATING", "countryOfOrigin": "CN", "value": 2860.00 }
  ],
  "automotive": {
    "coreParts": {
      "vnmMethod": "ALL_MATERIALS",
      "parts": [
        { "category": "ENGINE", "partNumber": "ENG-1", "netCost": 3800.00, "valueOfNonOriginatingMaterials": 760.00 },
        { "category": "TRANSMISSION", "partNumber": "TRN-1", "netCost": 1900.00, "valueOfNonOriginatingMaterials": 380.00 },
        { "category": "BODY_AND_CHASSIS", "partNumber": "BODY-1", "netCost": 2900.00, "valueOfNonOriginatingMaterials": 0.00 },
        { "category": "AXLE", "partNumber": "AXLE-IH", "netCost": 1500.00, "valueOfNonOriginatingMaterials": 300.00 },
        { "category": "SUSPENSION_SYSTEM", "partNumber": "SUSP-IH", "netCost": 1200.00, "valueOfNonOriginatingMaterials": 240.00 },
        { "category": "STEERING_SYSTEM", "partNumber": "STEER-IH", "netCost": 800.00, "valueOfNonOriginatingMaterials": 160.00 }
      ]
    },
    "steelAndAluminum": {
      "periodFrom": "2025-01-01",
      "periodTo": "2025-12-31",
      "purchases": [
        { "description": "Hot-rolled coil, US mill", "hsCode": "7208.39", "value": 800000.00, "originating": true, "meltedAndPouredInRegion": true },
        { "description": "Hot-rolled coil, imported", "hsCode": "7208.39", "value": 200000.00, "originating": false },
        { "description": "Aluminum sheet, Canadian mill", "hsCode": "7606.12", "value": 90000.00, "originating": true },
        { "description": "Aluminum sheet, imported", "hsCode": "7606.12", "value": 10000.00, "originating": false }
      ]
    },
    "laborValueContent": {
      "basis": "NET_COST",
      "plants": [
        { "id": "ASSY-US", "country": "US", "currency": "USD", "averageBaseHourlyWage": 28.00 },
        { "id": "ENG-MX", "country": "MX", "currency": "MXN", "baseWages": 3200000.00, "directProductionHours": 10000 }
      ],
      "highWageMaterials": [ { "plantId": "ENG-MX", "amount": 7000.00 } ],
      "highWageLabourCosts": [ { "plantId": "ASSY-US", "amount": 1500.00 } ],
      "technology": { "researchAndInformationTechnologyWages": 50000000.00, "directProductionWages": 1000000000.00 },
      "assemblyPlant": { "plantId": "ENG-MX", "operatedByProducer": true, "engineCapacity": 150000 }
    }
  }
}
            """;

    static final String PROBLEM = """
            {
              "type": "https://origincheck.org/problems/invalid-submission",
              "title": "Invalid submission",
              "status": 400,
              "detail": "materials[0].hsCode: must be an HS code of 6, 8 or 10 digits, dots optional (e.g. 8708.40, 870840, 8708.40.75)",
              "errors": [ { "field": "materials[0].hsCode", "message": "must be an HS code of 6, 8 or 10 digits, dots optional (e.g. 8708.40, 870840, 8708.40.75)" } ]
            }
            """;

    private OpenApiExamples() {
    }
}
