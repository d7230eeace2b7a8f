#!/usr/bin/env python3
"""Writes the automotive golden cases (src/test/resources/golden/auto-*.yaml): one file per case, with the
request, the expected outcome, and in `source` how each expected figure follows from the regulation. The
figures are computed here, independently of the service, with exact decimal arithmetic.

Run from the repository root: python3 tools/golden_automotive.py  (rewrites the auto-* files).
"""
from decimal import Decimal as D, ROUND_HALF_EVEN, getcontext
import os
import yaml

getcontext().prec = 60
OUT = "src/test/resources/golden"
H = D(100)


def q10(x):
    return float(D(x).quantize(D("1e-10"), rounding=ROUND_HALF_EVEN).normalize()) if D(x) != D(x).to_integral() else int(x)


def num(x):
    x = D(x)
    return int(x) if x == x.to_integral() else float(x.normalize())


def rvc(basis, vnm):
    return (D(basis) - D(vnm)) * H / D(basis)


cases = []


def case(name, note, source, request, expected):
    cases.append((name, {"note": note, "source": source, "request": request, "expected": expected}))


# ----------------------------------------------------------------- a standard vehicle
NC = D(20000)
CORE_OTHERS = [
    # BODY-1 is on the BOM (8707.10, originating, no non-originating content); the others are made in house.
    {"category": "BODY_AND_CHASSIS", "partNumber": "BODY-1", "netCost": 2900, "valueOfNonOriginatingMaterials": 0, "valueOfNonOriginatingComponents": 0},
    {"category": "AXLE", "partNumber": "AXLE-IH", "netCost": 1500, "valueOfNonOriginatingMaterials": 300, "valueOfNonOriginatingComponents": 100},
    {"category": "SUSPENSION_SYSTEM", "partNumber": "SUSP-IH", "netCost": 1200, "valueOfNonOriginatingMaterials": 240, "valueOfNonOriginatingComponents": 60},
    {"category": "STEERING_SYSTEM", "partNumber": "STEER-IH", "netCost": 800, "valueOfNonOriginatingMaterials": 160, "valueOfNonOriginatingComponents": 40},
]
CORE_STD = [
    {"category": "ENGINE", "partNumber": "ENG-1", "netCost": 3800, "valueOfNonOriginatingMaterials": 760, "valueOfNonOriginatingComponents": 500},
    {"category": "TRANSMISSION", "partNumber": "TRN-1", "netCost": 1900, "valueOfNonOriginatingMaterials": 380, "valueOfNonOriginatingComponents": 200},
] + CORE_OTHERS
STEEL_STD = {"periodFrom": "2025-01-01", "periodTo": "2025-12-31", "purchases": [
    {"description": "hot-rolled coil, US mill", "hsCode": "7208.39", "value": 800000, "originating": True, "meltedAndPouredInRegion": True},
    {"description": "hot-rolled coil, imported", "hsCode": "7208.39", "value": 200000, "originating": False},
    {"description": "aluminum sheet, CA", "hsCode": "7606.12", "value": 90000, "originating": True},
    {"description": "aluminum sheet, imported", "hsCode": "7606.12", "value": 10000, "originating": False}]}


def lvc(hwm=7000, hwlc=1500, rd=50_000_000, prod=1_000_000_000, plants=None, assembly=None, basis=None, extra=None):
    out = {"plants": plants or [
        {"id": "ASSY-US", "country": "US", "currency": "USD", "averageBaseHourlyWage": 28.00},
        {"id": "ENG-MX", "country": "MX", "currency": "MXN", "averageBaseHourlyWage": 320.00}],
        "highWageMaterials": [{"plantId": "ENG-MX", "amount": hwm}],
        "highWageLabourCosts": [{"plantId": "ASSY-US", "amount": hwlc}]}
    if rd is not None:
        out["technology"] = {"researchAndInformationTechnologyWages": rd, "directProductionWages": prod}
    if assembly:
        out["assemblyPlant"] = assembly
    if basis:
        out["basis"] = basis
    if extra:
        out.update(extra)
    return out


def vehicle(as_of, hs, facts, target_rvc, core=CORE_STD, steel=STEEL_STD, labor="std", auto_extra=None, traced=None, nc=NC):
    """A vehicle whose RVC (net cost, after TRACE of the listed core parts) is exactly target_rvc."""
    if traced is None:
        traced = sum(D(p["valueOfNonOriginatingMaterials"]) for p in (core or []) if p.get("partNumber") in ("ENG-1", "TRN-1", "BODY-1")) if core else D(0)
    total_vnm = nc * (H - D(str(target_rvc))) / H
    seats = total_vnm - traced
    assert seats > 0, (hs, target_rvc)
    materials = [
        {"partNumber": "ENG-1", "description": "engine", "hsCode": "8407.34", "origin": "ORIGINATING", "value": 4000},
        {"partNumber": "TRN-1", "description": "transmission", "hsCode": "8708.40", "origin": "ORIGINATING", "value": 2000},
        {"partNumber": "BODY-1", "description": "body in white", "hsCode": "8707.10", "origin": "ORIGINATING", "value": 3000},
        {"partNumber": "SEATS", "description": "seats", "hsCode": "9401.20", "origin": "NON_ORIGINATING", "countryOfOrigin": "CN", "value": num(seats)},
    ]
    auto = {}
    if core is not None:
        auto["coreParts"] = {"vnmMethod": "ALL_MATERIALS", "parts": core}
    if steel is not None:
        auto["steelAndAluminum"] = steel
    if labor is not None:
        auto["laborValueContent"] = lvc() if labor == "std" else labor
    if auto_extra:
        auto.update(auto_extra)
    req = {"reference": "golden", "asOf": as_of,
           "good": {"partNumber": "VEH-1", "description": "vehicle", "hsCode": hs, "producerCountry": "MX", "currency": "USD",
                    "netCost": num(nc), "vehicle": facts},
           "materials": materials}
    if auto:
        req["automotive"] = auto
    return req, seats, traced


PV = {"offRoad": False, "bodyType": "STANDARD"}
TRUCK = {"offRoad": False}
TRACE_NOTE = "VNM = SEATS {seats} + traced core-part VNM {traced} (option TRACE: ENG-1 760 + TRN-1 380) = {vnm}; RVC = (20000 - {vnm}) / 20000 = {r}%."
STD_FACTS = ("Core parts: ENG-1 (3800 - 760) / 3800 = 80%, TRN-1 (1900 - 380) / 1900 = 80%, body 100%, axle, suspension and steering 80%, all >= the core threshold. "
             "Steel 800000 / 1000000 = 80%, aluminum 90000 / 100000 = 90% (s.17(1): 70%). LVC (s.18(6)(a)): (HWM 7000 + HWLC 1500) / 20000 = 42.5 points "
             "+ technology credit 50,000,000 / 1,000,000,000 = 5 = 47.5%, both plants above their wage floors.")


def phase(cls, hs, facts, rule, steps):
    for as_of, r, threshold, citation in steps:
        req, seats, traced = vehicle(as_of, hs, facts, r, core=CORE_STD if cls in ("pv", "lt") else None)
        met = D(r) >= D(threshold)
        vnm = NC * (H - D(r)) / H
        src = (f"{citation}: {threshold}% on {as_of}. " + (TRACE_NOTE.format(seats=num(seats), traced=num(traced), vnm=num(vnm), r=r) if traced
               else f"VNM = SEATS {num(seats)}; RVC = (20000 - {num(vnm)}) / 20000 = {r}%. ") + " " + STD_FACTS.replace(
            "Core parts: ENG-1 (3800 - 760) / 3800 = 80%, TRN-1 (1900 - 380) / 1900 = 80%, body 100%, axle, suspension and steering 80%, all >= the core threshold. ", "" if cls == "ht" else
            "Core parts: ENG-1 (3800 - 760) / 3800 = 80%, TRN-1 (1900 - 380) / 1900 = 80%, body 100%, axle, suspension and steering 80%, all >= the core threshold. "))
        # s.18(22): until July 1, 2027 a heavy truck whose RVC is not below 60% may credit its high-wage points above 30
        # (STD: 42.5 - 30 = 12.5); the engine does not apply the credit, so a shortfall within it is INSUFFICIENT_DATA.
        credit = cls == "ht" and as_of <= "2027-07-01" and not met and D(r) >= 60 and D(threshold) - D(r) <= D("12.5")
        exp = {"status": "ORIGINATING" if met else "INSUFFICIENT_DATA" if credit else "NOT_ORIGINATING", "originCriterion": "B" if met else None, "productRule": rule,
               "regionalValueContent": [{"alternative": "1", "method": "NET_COST", "value": num(r), "threshold": num(threshold), "met": bool(met)}
                                        | ({} if met else {"pointsShort": num(D(threshold) - D(r))})],
               "automotive": {"vehicleClass": {"pv": "PASSENGER_VEHICLE", "lt": "LIGHT_TRUCK", "ht": "HEAVY_TRUCK"}[cls],
                              "steelAndAluminum": {"outcome": "PASS"}, "laborValueContent": {"outcome": "PASS", "total": 47.5}},
               "missingData": ["automotive.laborValueContent"] if credit else []}
        if credit:
            src += (" s.18(22): high-wage points 42.5 - 30 = 12.5 may be credited towards the RVC (not below 60%) until July 1, 2027;"
                    f" the shortfall {num(D(threshold) - D(r))} is within it, and the engine does not apply the credit.")
        if cls != "ht":
            exp["automotive"]["coreParts"] = {"outcome": "PASS", "tracedIntoVehicleVnm": 1140}
        case(f"auto-{cls}-rvc-{as_of}-{str(r).replace('.', '_')}",
             f"{ {'pv': 'Passenger vehicle', 'lt': 'Light truck', 'ht': 'Heavy truck'}[cls]} with an RVC of {r}% on {as_of}: the threshold in force is {threshold}%, so the vehicle "
             + ("meets" if met else "falls short of" if credit else "fails") + " the s.13 rule"
             + (" by less than the s.18(22) credit its producer could use, which the engine does not apply: INSUFFICIENT_DATA, never a definite answer" if credit else "")
             + (", and the s.18(22) credit cannot help an RVC below 60%" if cls == "ht" and not met and not credit and D(r) < 60 else "")
             + "; every other automotive requirement is met.", src, req, exp)


PV_STEPS = [("2020-07-01", 66, 66, "SOR/2020-155 s.13, 8703.21-8703.90 (1)(a)"), ("2021-06-30", 68, 66, "s.13 (1)(a)"), ("2021-07-01", 68, 69, "s.13 (1)(b)"),
            ("2022-06-30", 70, 69, "s.13 (1)(b)"), ("2022-07-01", 70, 72, "s.13 (1)(c)"), ("2023-06-30", 73, 72, "s.13 (1)(c)"),
            ("2023-07-01", 73, 75, "s.13 (1)(d)"), ("2026-07-01", 75, 75, "s.13 (1)(d)")]
phase("pv", "8703.23", PV, "SOR13-8703.21-90-1", PV_STEPS)
phase("lt", "8704.21", TRUCK, "SOR13-8704.21-1", [(d, r, t, c.replace("8703.21-8703.90", "8704.21")) for d, r, t, c in PV_STEPS])
phase("ht", "8704.23", TRUCK, "SOR13-8704.22-23-1", [
    ("2020-07-01", 60, 60, "SOR/2020-155 s.13, 8704.22-8704.23 (1)(a)"), ("2024-06-30", 62, 60, "s.13 (1)(a)"), ("2024-07-01", 62, 64, "s.13 (1)(b)"), ("2024-07-01", 58, 64, "s.13 (1)(b)"),
    ("2027-06-30", 67, 64, "s.13 (1)(b)"), ("2027-07-01", 67, 70, "s.13 (1)(c)"), ("2027-07-01", 70, 70, "s.13 (1)(c)")])

# ----------------------------------------------------------------- other vehicles
for name, hs, facts, r, t, rule, cls, why in [
    ("diesel-car", "8703.32", {"offRoad": False, "bodyType": "STANDARD"}, 63, 62.5, "SOR13-8703.21-90-2", "OTHER_VEHICLE_SECTION_20_2",
     "8703.32 is a compression-ignition subheading: not a passenger vehicle (s.12 (a)); s.13 8703.21-8703.90 (2) and s.20(2)(b): 62.5%"),
    ("motorhome", "8703.23", {"offRoad": False, "bodyType": "MOTORHOME_OR_ENTERTAINER_COACH"}, 62, 62.5, "SOR13-8703.21-90-2", "OTHER_VEHICLE_SECTION_20_2",
     "a motorhome is not a passenger vehicle (s.12 (d)); s.13 8703.21-8703.90 (2): 62.5%"),
    ("bus-50-persons", "8702.10", {"passengerCapacity": 50}, 61, 60, "SOR13-8702-2", "OTHER_VEHICLE_SECTION_20_3",
     "16 or more persons: s.13 8702 (2) and s.20(3)(a)(ii): 60%"),
    ("off-road-truck", "8704.21", {"offRoad": True}, 63, 62.5, "SOR13-8704.21-2", "OTHER_VEHICLE_SECTION_20_2",
     "an off-road vehicle of 8704.21 is not a light truck (s.12); s.13 8704.21 (2) and s.20(2)(g): 62.5%")]:
    req, seats, traced = vehicle("2026-07-01", hs, facts, r, core=None, steel=None, labor=None)
    met = D(r) >= D(t)
    case(f"auto-other-vehicle-{name}", f"An other vehicle ({name}) at {r}% against {t}%: no core parts, steel or LVC requirement applies (s.17 and s.18 name passenger vehicles, light trucks and heavy trucks only), so none is asked for.",
         f"{why}. VNM = SEATS {num(seats)}, RVC = (20000 - {num(seats)}) / 20000 = {r}%.", req,
         {"status": "ORIGINATING" if met else "NOT_ORIGINATING", "originCriterion": "B" if met else None, "productRule": rule,
          "regionalValueContent": [{"alternative": "2" if rule.endswith("-2") else "1", "method": "NET_COST", "value": num(r), "threshold": num(t), "met": bool(met)}],
          "automotive": {"vehicleClass": cls, "coreParts": None, "steelAndAluminum": None, "laborValueContent": None}, "missingData": []})

# ----------------------------------------------------------------- missing facts
req, seats, traced = vehicle("2026-07-01", "8703.23", PV, 80, core=None, steel=None, labor=None, traced=D(0))
case("auto-pv-no-producer-facts", "A passenger vehicle whose RVC passes but whose producer facts are missing: INSUFFICIENT_DATA naming each, never a pass.",
     "s.14(4), s.17(1) and s.18(1) make each a condition of origin; RVC (20000 - 4000) / 20000 = 80% >= 75% (no core parts listed, nothing traced).", req,
     {"status": "INSUFFICIENT_DATA", "originCriterion": None, "productRule": "SOR13-8703.21-90-1",
      "regionalValueContent": [{"alternative": "1", "method": "NET_COST", "value": 80, "threshold": 75, "met": True}],
      "reasons": [{"code": "CORE_PARTS", "outcome": "INSUFFICIENT_DATA"}, {"code": "STEEL_AND_ALUMINUM", "outcome": "INSUFFICIENT_DATA"},
                  {"code": "LABOR_VALUE_CONTENT", "outcome": "INSUFFICIENT_DATA"}],
      "missingData": ["automotive.coreParts", "automotive.laborValueContent", "automotive.steelAndAluminum"]})
req, _, _ = vehicle("2026-07-01", "8703.23", {}, 80)
case("auto-pv-class-facts-missing", "A vehicle of 8703.23 without the facts that decide whether it is a passenger vehicle: each is named.",
     "s.12 \"passenger vehicle\" excludes (b)-(e) body types and (c) all-terrain vehicles; 8703.23 is a spark-ignition subheading so compression ignition is not asked.", req,
     {"status": "INSUFFICIENT_DATA", "originCriterion": None, "productRule": None, "regionalValueContent": [],
      "reasons": [{"code": "AUTOMOTIVE_CLASSIFICATION", "outcome": "INSUFFICIENT_DATA"}],
      "missingData": ["good.vehicle.bodyType", "good.vehicle.offRoad"]})

# ----------------------------------------------------------------- core parts
def core_case(name, note, source, core, method, super_core, status, core_outcome, r, extra_exp=None):
    req, seats, traced = vehicle("2026-07-01", "8703.23", PV, r, core=core)
    req["automotive"]["coreParts"]["vnmMethod"] = method
    if super_core:
        req["automotive"]["coreParts"]["superCore"] = True
    exp = {"status": status, "originCriterion": "B" if status == "ORIGINATING" else None, "productRule": "SOR13-8703.21-90-1",
           "regionalValueContent": [{"alternative": "1", "method": "NET_COST", "value": r, "threshold": 75, "met": r >= 75}],
           "automotive": {"coreParts": {"outcome": core_outcome, "vnmMethod": method, "superCore": super_core, "threshold": 75} | (extra_exp or {})},
           "missingData": []}
    case(name, note, source + f" Vehicle RVC {r}% (VNM SEATS {num(seats)} + traced {num(traced)}). " + STD_FACTS.split("Steel")[1].join(["Steel", ""]) if False else
         source + f" Vehicle RVC {r}% (SEATS {num(seats)} + traced core-part VNM {num(traced)}); steel, aluminum and LVC as in the standard case.", req, exp)


ENG_BAD = {"category": "ENGINE", "partNumber": "ENG-1", "netCost": 3800, "valueOfNonOriginatingMaterials": 1200, "valueOfNonOriginatingComponents": 500}
core_case("auto-core-part-fails-vehicle-otherwise-originating",
          "The vehicle meets its RVC, steel and LVC requirements, but its engine is not an originating core part: the vehicle is not originating (s.14(4)).",
          "ENG-1: (3800 - 1200) / 3800 = 68.4210526316% < 75% (s.14(13)(d)); TRN-1 80%; the other parts as in the standard case.",
          [ENG_BAD, CORE_STD[1]] + CORE_OTHERS, "ALL_MATERIALS", False, "NOT_ORIGINATING", "FAIL", 80,
          {"parts": [{"part": "ENG-1", "value": q10(rvc(3800, 1200)), "outcome": "FAIL", "pointsShort": q10(D(75) - rvc(3800, 1200))},
                     {"part": "TRN-1", "value": 80, "outcome": "PASS"}, {"part": "BODY-1", "outcome": "PASS"}, {"part": "AXLE-IH", "outcome": "PASS"},
                     {"part": "SUSP-IH", "outcome": "PASS"}, {"part": "STEER-IH", "outcome": "PASS"}]})
core_case("auto-core-parts-column-2-components",
          "The same engine meets the core threshold when only its non-originating Table A.2 column 2 components are counted (s.14(7)(b), (8)).",
          "ENG-1 by column 2 components: (3800 - 500) / 3800 = 86.8421052632% >= 75%; TRN-1 (1900 - 200) / 1900 = 89.4736842105%. TRACE still adds each part's full VNM (1200 + 380) to the vehicle.",
          [ENG_BAD, CORE_STD[1]] + CORE_OTHERS, "COLUMN_2_COMPONENTS", False, "ORIGINATING", "PASS", 80,
          {"parts": [{"part": "ENG-1", "value": q10(rvc(3800, 500)), "outcome": "PASS"}, {"part": "TRN-1", "value": q10(rvc(1900, 200)), "outcome": "PASS"},
                     {"part": "BODY-1", "value": 100}, {"part": "AXLE-IH", "value": q10(rvc(1500, 100))}, {"part": "SUSP-IH", "value": 95}, {"part": "STEER-IH", "value": 95}]})
ENG_70 = {"category": "ENGINE", "partNumber": "ENG-1", "netCost": 3800, "valueOfNonOriginatingMaterials": 1140}
TRN_90 = {"category": "TRANSMISSION", "partNumber": "TRN-1", "netCost": 1900, "valueOfNonOriginatingMaterials": 190}
SC_NC = 3800 + 1900 + sum(p["netCost"] for p in CORE_OTHERS)
SC_VNM = 1140 + 190 + sum(p["valueOfNonOriginatingMaterials"] for p in CORE_OTHERS)
core_case("auto-core-parts-super-core",
          "An engine at 70% would fail alone; treated with the other core parts as one super-core part (s.14(10)) the core parts meet 75%.",
          f"Super-core: net cost 3800 + 1900 + 2900 + 1500 + 1200 + 800 = {SC_NC}, VNM 1140 + 190 + 0 + 300 + 240 + 160 = {SC_VNM}; ({SC_NC} - {SC_VNM}) / {SC_NC} = {q10(rvc(SC_NC, SC_VNM))}% >= 75%.",
          [ENG_70, TRN_90] + CORE_OTHERS, "ALL_MATERIALS", True, "ORIGINATING", "PASS", 80,
          {"superCorePart": {"netCost": SC_NC, "valueOfNonOriginatingMaterials": SC_VNM, "value": q10(rvc(SC_NC, SC_VNM)), "outcome": "PASS"}})
core_case("auto-core-parts-each-alone-fails-without-super-core",
          "The same parts taken one by one: the engine fails at 70%, so the vehicle is not originating.",
          "ENG-1 (3800 - 1140) / 3800 = 70% < 75%; TRN-1 90%.",
          [ENG_70, TRN_90] + CORE_OTHERS, "ALL_MATERIALS", False, "NOT_ORIGINATING", "FAIL", 80,
          {"parts": [{"part": "ENG-1", "value": 70, "outcome": "FAIL", "pointsShort": 5}, {"part": "TRN-1", "value": 90, "outcome": "PASS"},
                     {"part": "BODY-1", "outcome": "PASS"}, {"part": "AXLE-IH", "outcome": "PASS"}, {"part": "SUSP-IH", "outcome": "PASS"},
                     {"part": "STEER-IH", "outcome": "PASS"}]})

# roll-up option
req, seats, traced = vehicle("2026-07-01", "8703.23", PV, 74.43)
req["automotive"]["corePartsRollUp"] = "ROLL_UP"
case("auto-core-parts-roll-up-option", "With ROLL_UP (the 2022 panel's reading) the originating core parts' VNM is not added to the vehicle's VNM; the same BOM under TRACE would be at 74.43%.",
     f"SEATS {num(seats)}: under ROLL_UP VNM = {num(seats)}, RVC = (20000 - {num(seats)}) / 20000 = {num(rvc(20000, seats))}% >= 75%; under TRACE 74.43% < 75% (see auto-core-parts-trace-option).",
     req, {"status": "ORIGINATING", "originCriterion": "B", "productRule": "SOR13-8703.21-90-1",
           "regionalValueContent": [{"alternative": "1", "method": "NET_COST", "value": num(rvc(20000, seats)), "threshold": 75, "met": True}],
           "automotive": {"coreParts": {"rollUp": "ROLL_UP", "tracedIntoVehicleVnm": 0}},
           "reasons": [{"code": "CORE_PARTS_ROLL_UP", "outcome": "INFO", "messageContains": "ROLL_UP"}], "missingData": []})
req, seats, traced = vehicle("2026-07-01", "8703.23", PV, 74.43)
case("auto-core-parts-trace-option", "The pack's default TRACE adds the VNM of the originating core parts on the BOM (760 + 380) to the vehicle's VNM: 74.43% fails 75%.",
     f"VNM = SEATS {num(seats)} + 1140 = {num(seats + 1140)}; RVC = 74.43%.", req,
     {"status": "NOT_ORIGINATING", "originCriterion": None, "productRule": "SOR13-8703.21-90-1",
      "regionalValueContent": [{"alternative": "1", "method": "NET_COST", "value": 74.43, "threshold": 75, "met": False, "pointsShort": 0.57}],
      "automotive": {"coreParts": {"rollUp": "TRACE", "tracedIntoVehicleVnm": 1140}}, "missingData": []})

req, seats, traced = vehicle("2026-07-01", "8703.23", PV, 80, core=CORE_STD[:2])
case("auto-core-parts-list-incomplete", "Only the engine and the transmission are listed: every vehicle also has a body and chassis, axles, a suspension and a steering system (Table A.2 column 1), so the core parts requirement cannot be decided.",
     "s.14(4): the vehicle is originating only if the column 1 parts used in it are originating; the list must account for each, and BODY-1 (8707.10) on the BOM is not listed.", req,
     {"status": "INSUFFICIENT_DATA", "originCriterion": None, "productRule": "SOR13-8703.21-90-1",
      "regionalValueContent": [{"alternative": "1", "method": "NET_COST", "value": 80, "threshold": 75, "met": True}],
      "automotive": {"coreParts": {"outcome": "INSUFFICIENT_DATA"}}, "missingData": ["automotive.coreParts.parts", "materials[2].partNumber"]})
req, seats, traced = vehicle("2026-07-01", "8703.23", PV, 80)
req["materials"].append({"partNumber": "AXLE-9", "description": "rear drive axle", "hsCode": "8708.50", "origin": "ORIGINATING", "value": 0})
case("auto-core-part-on-bom-not-listed", "A drive axle of 8708.50 on the bill of materials is not among the listed core parts: it may be one, so the producer must list it or say it is not one.",
     "s.14(4); Table A.2 Axles, ex 8708.50. The material is worth 0 so the RVC is unchanged at 80%.", req,
     {"status": "INSUFFICIENT_DATA", "originCriterion": None, "productRule": "SOR13-8703.21-90-1",
      "regionalValueContent": [{"alternative": "1", "method": "NET_COST", "value": 80, "threshold": 75, "met": True}],
      "missingData": ["materials[4].partNumber"]})
req, seats, traced = vehicle("2026-07-01", "8703.23", PV, 80)
req["materials"].append({"partNumber": "AXLE-9", "description": "axle shaft (a component, not a complete axle)", "hsCode": "8708.50", "origin": "ORIGINATING", "value": 0})
req["automotive"]["coreParts"]["notCoreParts"] = ["AXLE-9"]
case("auto-core-part-declared-not-one", "The same material declared not a core part (automotive.coreParts.notCoreParts): the vehicle originates.",
     "s.14(4); the producer's declaration that AXLE-9 is not a column 1 part. RVC 80%; core parts, steel and LVC as in the standard case.", req,
     {"status": "ORIGINATING", "originCriterion": "B", "productRule": "SOR13-8703.21-90-1",
      "regionalValueContent": [{"alternative": "1", "method": "NET_COST", "value": 80, "threshold": 75, "met": True}],
      "automotive": {"coreParts": {"outcome": "PASS"}}, "missingData": []})
req, seats, traced = vehicle("2026-07-01", "8703.23", {"bodyType": "MOTORHOME_OR_ENTERTAINER_COACH"}, 63, core=None, steel=None, labor=None)
case("auto-motorhome-decided-without-other-facts", "A motorhome is not a passenger vehicle whatever its other facts: the class is decided without asking whether it is for off-road use.",
     "s.12 \"passenger vehicle\" (d); s.13 8703.21-8703.90 (2) and s.20(2)(d): 62.5%. RVC (20000 - 7400) / 20000 = 63%.", req,
     {"status": "ORIGINATING", "originCriterion": "B", "productRule": "SOR13-8703.21-90-2",
      "regionalValueContent": [{"alternative": "2", "method": "NET_COST", "value": 63, "threshold": 62.5, "met": True}],
      "automotive": {"vehicleClass": "OTHER_VEHICLE_SECTION_20_2"}, "missingData": []})

# ----------------------------------------------------------------- steel and aluminum
def steel_case(name, note, source, purchases, status, outcome, as_of="2026-07-01", hs="8703.23", facts=PV, share=None, metals=None, missing=(), cls="pv"):
    steel = {"periodFrom": "2025-01-01", "periodTo": "2025-12-31", "purchases": purchases}
    extra = {"steelAndAluminumShare": share} if share else None
    r = 80
    req, seats, traced = vehicle(as_of, hs, facts, r, core=CORE_STD if cls == "pv" else None, steel=steel, auto_extra=extra)
    t = 75 if cls == "pv" else (70 if as_of >= "2027-07-01" else 64)
    exp = {"status": status, "originCriterion": "B" if status == "ORIGINATING" else None,
           "productRule": "SOR13-8703.21-90-1" if cls == "pv" else "SOR13-8704.22-23-1",
           "regionalValueContent": [{"alternative": "1", "method": "NET_COST", "value": r, "threshold": t, "met": True}],
           "automotive": {"steelAndAluminum": {"outcome": outcome} | ({"metals": metals} if metals else {})}, "missingData": list(missing)}
    case(name, note, source + " Vehicle RVC 80%; core parts and LVC as in the standard case.", req, exp)


ALU_OK = [{"description": "aluminum sheet", "hsCode": "7606.12", "value": 100000, "originating": True}]
steel_case("auto-steel-69_99-percent", "Steel purchases 69.99% originating: below the 70% of s.17(1) by 10 in value; the vehicle is not originating.",
           "Steel 699900 / 1000000 = 69.99% < 70%; aluminum 100%. Short by 0.70 x 1000000 - 699900 = 100.",
           [{"hsCode": "7209.16", "value": 699900, "originating": True}, {"hsCode": "7209.16", "value": 300100, "originating": False}] + ALU_OK,
           "NOT_ORIGINATING", "FAIL", metals=[{"metal": "STEEL", "share": 69.99, "met": False, "originatingValueShort": 100},
                                              {"metal": "ALUMINUM", "share": 100, "met": True}])
steel_case("auto-steel-70-percent", "Steel purchases exactly 70% originating meet s.17(1) (at least 70 percent).",
           "Steel 700000 / 1000000 = 70% >= 70%; aluminum 100%.",
           [{"hsCode": "7209.16", "value": 700000, "originating": True}, {"hsCode": "7209.16", "value": 300000, "originating": False}] + ALU_OK,
           "ORIGINATING", "PASS", metals=[{"metal": "STEEL", "share": 70, "met": True}, {"metal": "ALUMINUM", "share": 100, "met": True}])
MIX = [{"hsCode": "7209.16", "value": 650000, "originating": True}, {"hsCode": "7209.16", "value": 350000, "originating": False},
       {"hsCode": "7606.12", "value": 900000, "originating": True}, {"hsCode": "7606.12", "value": 100000, "originating": False}]
steel_case("auto-steel-separate-shares", "Steel 65% and aluminum 90%: under the pack's default SEPARATE reading each metal needs 70%, so the vehicle fails.",
           "Steel 650000 / 1000000 = 65% < 70%; aluminum 900000 / 1000000 = 90%.", MIX, "NOT_ORIGINATING", "FAIL",
           metals=[{"metal": "STEEL", "share": 65, "met": False}, {"metal": "ALUMINUM", "share": 90, "met": True}])
steel_case("auto-steel-combined-option", "The same purchases under the COMBINED reading (requested for this determination): 77.5% of both metals together.",
           "(650000 + 900000) / 2000000 = 77.5% >= 70%.", MIX, "ORIGINATING", "PASS", share="COMBINED",
           metals=[{"metal": "STEEL_AND_ALUMINUM", "share": 77.5, "met": True}])
steel_case("auto-steel-melted-and-poured-2027", "From 1 July 2027 steel is originating only if melted and poured in the region (s.17(5)(b)): a heavy truck whose originating steel was melted abroad fails.",
           "Steel counted originating: 300000 (melted and poured in the region) of 1000000 = 30% < 70%; the 700000 bought as originating but melted abroad counts as non-originating from 2027-07-01. RVC 80% vs 70% (s.13, 8704.22-8704.23 (1)(c)).",
           [{"description": "coil melted in region", "hsCode": "7209.16", "value": 300000, "originating": True, "meltedAndPouredInRegion": True},
            {"description": "coil rolled in region from imported slab", "hsCode": "7209.16", "value": 700000, "originating": True, "meltedAndPouredInRegion": False}] + ALU_OK,
           "NOT_ORIGINATING", "FAIL", as_of="2027-07-01", hs="8704.23", facts=TRUCK, cls="ht",
           metals=[{"metal": "STEEL", "share": 30, "met": False}, {"metal": "ALUMINUM", "share": 100, "met": True}])
steel_case("auto-steel-melted-and-poured-2027-06-30", "The day before: the same purchases meet s.17 under s.17(5)(a) (the melted-and-poured condition is not yet in force).",
           "Steel 1000000 / 1000000 originating = 100%. RVC 80% vs 64% (s.13, 8704.22-8704.23 (1)(b)).",
           [{"description": "coil melted in region", "hsCode": "7209.16", "value": 300000, "originating": True, "meltedAndPouredInRegion": True},
            {"description": "coil rolled in region from imported slab", "hsCode": "7209.16", "value": 700000, "originating": True, "meltedAndPouredInRegion": False}] + ALU_OK,
           "ORIGINATING", "PASS", as_of="2027-06-30", hs="8704.23", facts=TRUCK, cls="ht",
           metals=[{"metal": "STEEL", "share": 100, "met": True}, {"metal": "ALUMINUM", "share": 100, "met": True}])
steel_case("auto-steel-melted-and-poured-unknown", "From 1 July 2027 an originating steel purchase without the melted-and-poured fact cannot be counted either way: the field is asked for.",
           "s.17(5)(b).", [{"hsCode": "7209.16", "value": 1000000, "originating": True}] + ALU_OK,
           "INSUFFICIENT_DATA", "INSUFFICIENT_DATA", as_of="2027-07-01", hs="8704.23", facts=TRUCK, cls="ht",
           missing=["automotive.steelAndAluminum.purchases[0].meltedAndPouredInRegion"])

STAMPING = [{"description": "body side stampings (steel)", "hsCode": "8708.29", "metal": "STEEL", "value": 500000, "originating": False}]
steel_case("auto-steel-stamping-needs-metal-value", "A purchase of body stampings (ex 8708.29) counts only for the value of the Table S steel in it (s.17(2)): without that figure the share cannot be computed.",
           "s.17(2).", [{"hsCode": "7209.16", "value": 700000, "originating": True}] + STAMPING + ALU_OK, "INSUFFICIENT_DATA", "INSUFFICIENT_DATA",
           missing=["automotive.steelAndAluminum.purchases[1].metalValue"])
stamp = [dict(STAMPING[0], metalValue=300000)]
steel_case("auto-steel-stamping-metal-value", "The stampings count for the 300000 of steel in them, not their 500000 price: 700000 / 1000000 = 70% originating.",
           "s.17(2): steel 700000 originating / (700000 + 300000) = 70% >= 70%. At the full price it would be 700000 / 1200000 = 58.33%.",
           [{"hsCode": "7209.16", "value": 700000, "originating": True}] + stamp + ALU_OK, "ORIGINATING", "PASS",
           metals=[{"metal": "STEEL", "purchases": 1000000, "share": 70, "met": True}, {"metal": "ALUMINUM", "share": 100, "met": True}])

# ----------------------------------------------------------------- labour value content
def lvc_case(name, note, source, labor, status, outcome, figures, as_of="2026-07-01", hs="8703.23", facts=PV, cls="pv", r=80, missing=()):
    req, seats, traced = vehicle(as_of, hs, facts, r, core=CORE_STD if cls in ("pv", "lt") else None, labor=labor)
    t = {"pv": 75, "lt": 75, "ht": 64}[cls] if as_of >= "2023-07-01" else 66
    exp = {"status": status, "originCriterion": "B" if status == "ORIGINATING" else None,
           "productRule": {"pv": "SOR13-8703.21-90-1", "lt": "SOR13-8704.21-1", "ht": "SOR13-8704.22-23-1"}[cls],
           "regionalValueContent": [{"alternative": "1", "method": "NET_COST", "value": r, "threshold": t, "met": True}],
           "automotive": {"laborValueContent": {"outcome": outcome} | figures}, "missingData": list(missing)}
    case(name, note, source + " Vehicle RVC 80%; core parts, steel and aluminum as in the standard case.", req, exp)


lvc_case("auto-lvc-fails-on-total", "Passenger vehicle LVC 34%: the high-wage points (30) meet the 25-point minimum but the total is below 40% (s.18(1)(d)).",
         "(HWM 4500 + HWLC 1500) / 20000 = 30 points; technology 40,000,000 / 1,000,000,000 = 4; no assembly credit; total 34 < 40, 6 short.",
         lvc(hwm=4500, rd=40_000_000), "NOT_ORIGINATING", "FAIL", {"highWagePoints": 30, "technologyCredit": 4, "assemblyCredit": 0, "total": 34, "pointsShort": 6, "highWagePointsShort": 0})
lvc_case("auto-lvc-fails-on-high-wage-floor", "Passenger vehicle with 24 high-wage points and both credits at their caps: 39%, failing both the 25-point floor and the 40% total.",
         "(HWM 3300 + HWLC 1500) / 20000 = 24 points < 25; technology 120,000,000 / 1,000,000,000 = 12, capped at 10; assembly 5; total 39 < 40.",
         lvc(hwm=3300, rd=120_000_000, assembly={"plantId": "ENG-MX", "operatedByProducer": True, "engineCapacity": 150000}),
         "NOT_ORIGINATING", "FAIL", {"highWagePoints": 24, "technologyCredit": 10, "assemblyCredit": 5, "total": 39, "highWagePointsShort": 1, "pointsShort": 1})
lvc_case("auto-lvc-technology-credit-at-cap", "Technology credit exactly 10 points (R&D and IT wages a tenth of production wages): 30 + 10 = 40% meets s.18(1)(d).",
         "(4500 + 1500) / 20000 = 30; 100,000,000 / 1,000,000,000 x 100 = 10; total 40.",
         lvc(hwm=4500, rd=100_000_000), "ORIGINATING", "PASS", {"highWagePoints": 30, "technologyCredit": 10, "total": 40})
lvc_case("auto-lvc-technology-credit-over-cap", "Technology credit of 15 points is capped at 10 (s.18(1)): 25 + 10 = 35% fails although uncapped it would reach 40%.",
         "(3500 + 1500) / 20000 = 25; 150,000,000 / 1,000,000,000 x 100 = 15, capped at 10; total 35 < 40.",
         lvc(hwm=3500, rd=150_000_000), "NOT_ORIGINATING", "FAIL", {"highWagePoints": 25, "technologyCredit": 10, "total": 35, "pointsShort": 5})
lvc_case("auto-lvc-assembly-credit-at-capacity", "Assembly credit: an engine plant with capacity for exactly 100,000 engines, under a 3-year contract, gives 5 points (s.12, s.18(12)): 30 + 5 + 5 = 40%.",
         "(4500 + 1500) / 20000 = 30; technology 5; assembly 5 (capacity 100,000 >= 100,000; contract 3 years >= 3); total 40.",
         lvc(hwm=4500, assembly={"plantId": "ENG-MX", "operatedByProducer": False, "contractYears": 3, "engineCapacity": 100000}),
         "ORIGINATING", "PASS", {"assemblyCredit": 5, "total": 40})
lvc_case("auto-lvc-assembly-credit-below-capacity", "The same plant with capacity for 99,999 engines gives no assembly credit: 35% fails.",
         "Capacity 99,999 < 100,000 engines (s.12 \"high-wage assembly plant for passenger vehicle or light truck parts\"); total 30 + 5 = 35.",
         lvc(hwm=4500, assembly={"plantId": "ENG-MX", "operatedByProducer": False, "contractYears": 3, "engineCapacity": 99999}),
         "NOT_ORIGINATING", "FAIL", {"assemblyCredit": 0, "total": 35, "pointsShort": 5})
for country, currency, under, at in [("US", "USD", 15.99, 16.00), ("CA", "CAD", 20.87, 20.88), ("MX", "MXN", 294.21, 294.22)]:
    plants = [{"id": "ASSY-US", "country": "US", "currency": "USD", "averageBaseHourlyWage": 28.00},
              {"id": "SUPPLIER", "country": country, "currency": currency, "averageBaseHourlyWage": under}]
    lab = lvc(hwm=0, plants=plants)
    lab["highWageMaterials"] = [{"plantId": "SUPPLIER", "amount": 7000}]
    lvc_case(f"auto-lvc-plant-just-under-wage-floor-{country.lower()}",
             f"A supplier plant in {country} paying {currency} {under} an hour, just under the {currency} {at} floor (s.12): its materials are not high-wage, and the LVC fails.",
             f"Floor {currency} {at} (s.12 \"qualifying wage-rate production plant\"); {under} < {at}: HWM from SUPPLIER excluded; (0 + 1500) / 20000 = 7.5 points + technology 5 = 12.5 < 40.",
             lab, "NOT_ORIGINATING", "FAIL", {"highWagePoints": 7.5, "total": 12.5,
                                              "plants": [{"id": "ASSY-US", "qualifying": True}, {"id": "SUPPLIER", "wageFloor": at, "qualifying": False}]})
plants = [{"id": "ASSY-US", "country": "US", "currency": "USD", "averageBaseHourlyWage": 28.00},
          {"id": "SUPPLIER", "country": "MX", "currency": "MXN", "baseWages": 2942200, "directProductionHours": 10000}]
lab = lvc(plants=plants)
lab["highWageMaterials"] = [{"plantId": "SUPPLIER", "amount": 7000}]
lvc_case("auto-lvc-plant-at-wage-floor-from-wages-and-hours", "A Mexican plant whose base wages over direct production hours are exactly MXN 294.22 qualifies (at least the floor).",
         "2,942,200 / 10,000 hours = 294.22 >= 294.22 (s.12); (7000 + 1500) / 20000 = 42.5 + 5 = 47.5.",
         lab, "ORIGINATING", "PASS", {"total": 47.5, "plants": [{"id": "ASSY-US", "qualifying": True}, {"id": "SUPPLIER", "averageBaseHourlyWage": 294.22, "qualifying": True}]})
lvc_case("auto-lvc-annual-purchase-value-basis", "LVC on the annual purchase value basis (s.18(6)(b)) with HWLC in numerator and denominator.",
         "(APV 5000 + HWLC 1500) / (TAPV 12000 + HWLC 1500) x 100 = 48.1481481481 points; + technology 5 = 53.1481481481 >= 40.",
         lvc(hwm=5000, basis="ANNUAL_PURCHASE_VALUE", extra={"totalAnnualPurchaseValue": 12000, "includeLabourCostsInPurchaseValue": True}),
         "ORIGINATING", "PASS", {"basis": "ANNUAL_PURCHASE_VALUE", "highWagePoints": q10(D(6500) * H / D(13500)), "total": q10(D(6500) * H / D(13500) + 5)})
lvc_case("auto-lvc-light-truck-45", "A light truck needs 45% with 30 high-wage points (s.18(2)): 40 + 5 = 45% meets it exactly.",
         "(6500 + 1500) / 20000 = 40 points >= 30; technology 5; total 45 >= 45.",
         lvc(hwm=6500), "ORIGINATING", "PASS", {"required": 45, "highWageMinimum": 30, "total": 45}, hs="8704.21", facts=TRUCK, cls="lt")
lvc_case("auto-lvc-heavy-truck-fails", "A heavy truck at 44%: below the flat 45% of s.18(2).",
         "(5300 + 1500) / 20000 = 34 points; technology 5; assembly (20,000 engines, s.12 heavy-truck plant) 5; total 44 < 45.",
         lvc(hwm=5300, assembly={"plantId": "ENG-MX", "operatedByProducer": True, "engineCapacity": 20000}),
         "NOT_ORIGINATING", "FAIL", {"required": 45, "assemblyCredit": 5, "total": 44, "pointsShort": 1}, hs="8704.23", facts=TRUCK, cls="ht")
lvc_case("auto-lvc-2021-06-30-passenger-vehicle", "On 30 June 2021 a passenger vehicle needs 30% with 15 high-wage points (s.18(1)(a)); 32.5% passes.",
         "(4000 + 1500) / 20000 = 27.5 + technology 5 = 32.5 >= 30; RVC threshold that day 66%.",
         lvc(hwm=4000), "ORIGINATING", "PASS", {"required": 30, "highWageMinimum": 15, "total": 32.5}, as_of="2021-06-30")

# ----------------------------------------------------------------- alternative staging regime
ENG_70_ONLY = [ENG_70, CORE_STD[1]] + CORE_OTHERS
req, seats, traced = vehicle("2024-07-01", "8703.23", PV, 63, core=ENG_70_ONLY, labor=lvc(hwm=4000, rd=None),
                             auto_extra={"alternativeStagingRegime": {"approved": True}})
case("auto-staging-regime-passenger-vehicle", "A passenger vehicle under an approved alternative staging regime on 1 July 2024: 62.5% RVC, Table A.1 parts at 62.5% (an engine at 70% passes), LVC 25% with 10 high-wage points, no s.14 core parts requirement (s.19(4)-(5)).",
     "s.19(4)(a): 62.5% NC; RVC 63% (SEATS + traced core parts). s.19(4)(b): ENG-1 (3800 - 1140) / 3800 = 70% >= 62.5%. s.19(4)(d): (4000 + 1500) / 20000 = 27.5 >= 25, >= 10 points. Steel 80% / aluminum 90% >= 70% (s.19(4)(c)).",
     req, {"status": "ORIGINATING", "originCriterion": "B", "productRule": "SOR13-8703.21-90-1",
           "regionalValueContent": [{"alternative": "1", "method": "NET_COST", "value": 63, "threshold": 62.5, "met": True}],
           "automotive": {"stagingRegime": True, "coreParts": {"outcome": "PASS", "threshold": 62.5}, "laborValueContent": {"required": 25, "highWageMinimum": 10, "total": 27.5, "outcome": "PASS"},
                          "thresholds": {"schedule": "STAGING_REGIME_VEHICLE", "netCost": 62.5}},
           "reasons": [{"code": "ALTERNATIVE_STAGING_REGIME", "outcome": "INFO"}], "missingData": []})
req, seats, traced = vehicle("2025-07-01", "8703.23", PV, 63, core=CORE_STD, labor=lvc(hwm=4000, rd=None),
                             auto_extra={"alternativeStagingRegime": {"approved": True}})
case("auto-staging-regime-ended", "The same vehicle on 1 July 2025, after the regime's default end (30 June 2025, s.19(2)): sections 13-18 apply again and 63% fails 75%.",
     "s.13 8703.21-8703.90 (1)(d): 75%; RVC 63% (SEATS + traced core parts). LVC 27.5 < 40.",
     req, {"status": "NOT_ORIGINATING", "originCriterion": None, "productRule": "SOR13-8703.21-90-1",
           "regionalValueContent": [{"alternative": "1", "method": "NET_COST", "value": 63, "threshold": 75, "met": False}],
           "automotive": {"stagingRegime": False, "laborValueContent": {"required": 40, "outcome": "FAIL"}}, "missingData": []})

# ----------------------------------------------------------------- parts
def part(name, note, source, as_of, hs, end_use, tv, nc, materials, exp, auto=None):
    good = {"partNumber": "P-1", "description": name, "hsCode": hs, "producerCountry": "MX", "currency": "USD"}
    if end_use:
        good["endUse"] = end_use
    if tv:
        good["transactionValue"] = tv
    if nc:
        good["netCost"] = nc
    req = {"reference": "golden", "asOf": as_of, "good": good, "materials": materials}
    if auto:
        req["automotive"] = auto
    case(name, note, source, req, exp)


def mat(pn, hs, origin, value):
    m = {"partNumber": pn, "hsCode": hs, "origin": origin, "value": value}
    if origin != "ORIGINATING":
        m["countryOfOrigin"] = "CN"
    return m


for vnm, ok in [(250, True), (251, False)]:
    r = rvc(1000, vnm)
    part(f"auto-core-part-suspension-{'passes' if ok else 'fails'}", f"A suspension system of 8708.80 (Table A.1 core part) for a passenger vehicle at {num(r)}% NC against 75% (s.14(2), (13)(d)).",
         f"SOR/2020-155 s.13 8708.80 (1) and s.14(13)(d): 75% NC. RVC (1000 - {vnm}) / 1000 = {num(r)}%.", "2026-07-01", "8708.80", "PASSENGER_VEHICLE_OE", None, 1000,
         [mat("SHOCKS", "8708.80", "NON_ORIGINATING", vnm), mat("SPRINGS", "7320.20", "ORIGINATING", 300)],
         {"status": "ORIGINATING" if ok else "NOT_ORIGINATING", "originCriterion": "B" if ok else None, "productRule": "SOR13-8708.80-1",
          "regionalValueContent": [{"alternative": "1", "method": "NET_COST", "value": num(r), "threshold": 75, "met": ok}],
          "automotive": {"thresholds": {"schedule": "CORE_PART", "netCost": 75, "onlyWayToOriginate": True}},
          "reasons": [{"code": "AUTOMOTIVE_THRESHOLDS", "outcome": "INFO"}] + ([] if ok else [{"code": "PARTS_RULE_4_2_D", "outcome": "NOT_APPLICABLE"}]),
          "missingData": []})
for as_of, vnm, t, ok in [("2026-07-01", 300, 70, True), ("2026-07-01", 310, 70, False), ("2021-07-01", 350, 65, True), ("2021-06-30", 370, 62.5, True), ("2021-07-01", 370, 65, False)]:
    r = rvc(1000, vnm)
    part(f"auto-principal-part-bumper-{as_of}-{vnm}", f"A bumper of 8708.10 (Table B principal part) for a passenger vehicle: the shift from 8708.99 needs {t}% NC on {as_of} (s.14(15)); {num(r)}% " + ("meets" if ok else "fails") + " it.",
         f"s.13 8708.10 (1)(b) and s.14(15): {t}% on {as_of}; (1)(a) fails (the 8708.99 material is of the same heading). RVC (1000 - {vnm}) / 1000 = {num(r)}%.",
         as_of, "8708.10", "PASSENGER_VEHICLE_OE", None, 1000, [mat("BEAM", "8708.99", "NON_ORIGINATING", vnm), mat("FASCIA", "3926.90", "ORIGINATING", 200)],
         {"status": "ORIGINATING" if ok else "NOT_ORIGINATING", "originCriterion": "B" if ok else None, "productRule": "SOR13-8708.10-1",
          "regionalValueContent": [{"alternative": "1(b)", "method": "NET_COST", "value": num(r), "threshold": t, "met": ok}],
          "automotive": {"thresholds": {"schedule": "PRINCIPAL_PART", "netCost": t}}, "missingData": []})
part("auto-heavy-truck-part-bumper", "The same bumper as original equipment in a heavy truck on 1 July 2026: Table D sets 64% (s.15(2)(b)); 66% meets it.",
     "s.13 8708.10 (2)(b) and s.15(2)(b): 64%. RVC (1000 - 340) / 1000 = 66%.", "2026-07-01", "8708.10", "HEAVY_TRUCK_OE", None, 1000,
     [mat("BEAM", "8708.99", "NON_ORIGINATING", 340)],
     {"status": "ORIGINATING", "originCriterion": "B", "productRule": "SOR13-8708.10-2",
      "regionalValueContent": [{"alternative": "2(b)", "method": "NET_COST", "value": 66, "threshold": 64, "met": True}],
      "automotive": {"thresholds": {"schedule": "HEAVY_TRUCK_PRINCIPAL_PART", "netCost": 64}}, "missingData": []})
part("auto-aftermarket-bumper", "The same bumper as an aftermarket part: the s.13 paragraph (3) rule at 50% NC, and no automotive table threshold (s.14(18)).",
     "s.13 8708.10 (3)(b): 50% NC. RVC (1000 - 500) / 1000 = 50%.", "2026-07-01", "8708.10", "AFTERMARKET", None, 1000,
     [mat("BEAM", "8708.99", "NON_ORIGINATING", 500)],
     {"status": "ORIGINATING", "originCriterion": "B", "productRule": "SOR13-8708.10-3",
      "regionalValueContent": [{"alternative": "3(b)", "method": "NET_COST", "value": 50, "threshold": 50, "met": True}],
      "automotive": None, "missingData": []})
part("auto-other-vehicle-bumper-needs-table-declaration", "A bumper for another vehicle: Table F lists only bumpers of tariff item 8708.10.aa (ex), so the producer must say whether the good is one.",
     "SOR/2020-155 Table F, ex 8708.10 (8708.10.aa); s.20(3)(c).", "2026-07-01", "8708.10", "OTHER_VEHICLE_OE", None, 1000,
     [mat("BEAM", "8708.99", "NON_ORIGINATING", 450)],
     {"status": "INSUFFICIENT_DATA", "originCriterion": None, "productRule": None, "regionalValueContent": [],
      "reasons": [{"code": "AUTOMOTIVE_THRESHOLDS", "outcome": "INSUFFICIENT_DATA"}], "missingData": ["automotive.declaredTables"]})
part("auto-other-vehicle-bumper-table-f", "Declared a Table F bumper: s.20(3)(c) sets 60% NC in place of the 50% of the s.13 rule; 55% fails.",
     "s.20(3)(c): 60% NC for a Table F good subject to an RVC requirement; s.13 8708.10 (3)(b). RVC (1000 - 450) / 1000 = 55%.", "2026-07-01", "8708.10", "OTHER_VEHICLE_OE", None, 1000,
     [mat("BEAM", "8708.99", "NON_ORIGINATING", 450)],
     {"status": "NOT_ORIGINATING", "originCriterion": None, "productRule": "SOR13-8708.10-3",
      "regionalValueContent": [{"alternative": "3(b)", "method": "NET_COST", "value": 55, "threshold": 60, "met": False, "pointsShort": 5}],
      "automotive": {"thresholds": {"schedule": "OTHER_VEHICLE_PART", "netCost": 60}}, "missingData": []}, auto={"declaredTables": ["F"]})
for vnm, ok in [(270, True), (320, False)]:
    tvr, ncr = rvc(1000, vnm), rvc(900, vnm)
    part(f"auto-complementary-part-sensor-{'passes' if ok else 'fails'}", f"An instrument of 9031.80 (Table C complementary part) for a passenger vehicle: its 9031.90 parts rule out (A); (B) needs 65% NC or 75% TV (s.14(17)(d)) instead of the rule's 50% / 60%.",
         f"GN11(o) ch.90 rule for 9031.80 (B); s.14(16)-(17)(d) replaces its thresholds. TV (1000 - {vnm}) / 1000 = {num(tvr)}%; NC (900 - {vnm}) / 900 = {q10(ncr)}%.",
         "2026-07-01", "9031.80", "PASSENGER_VEHICLE_OE", 1000, 900, [mat("SENSOR-PARTS", "9031.90", "NON_ORIGINATING", vnm), mat("HOUSING", "3926.90", "ORIGINATING", 100)],
         {"status": "ORIGINATING" if ok else "NOT_ORIGINATING", "originCriterion": "B" if ok else None, "productRule": "GN11o-optics-90-9031-80",
          "regionalValueContent": [{"alternative": "B", "method": "NET_COST", "value": q10(ncr), "threshold": 65, "met": ncr >= 65},
                                   {"alternative": "B", "method": "TRANSACTION_VALUE", "value": num(tvr), "threshold": 75, "met": tvr >= 75}],
          "automotive": {"thresholds": {"schedule": "COMPLEMENTARY_PART", "netCost": 65, "transactionValue": 75}}, "missingData": []})
part("auto-other-vehicle-bumper-declared-not-in-table-f", "Declared in none of the tables ([]): the bumper is not the 8708.10.aa bumper of Table F, so the s.13 rule's own 50% applies and 55% meets it.",
     "s.13 8708.10 (3)(b): 50% NC. RVC (1000 - 450) / 1000 = 55%.", "2026-07-01", "8708.10", "OTHER_VEHICLE_OE", None, 1000,
     [mat("BEAM", "8708.99", "NON_ORIGINATING", 450)],
     {"status": "ORIGINATING", "originCriterion": "B", "productRule": "SOR13-8708.10-3",
      "regionalValueContent": [{"alternative": "3(b)", "method": "NET_COST", "value": 55, "threshold": 50, "met": True}],
      "automotive": None, "missingData": []}, auto={"declaredTables": []})
part("auto-ex-entry-needs-declaration", "A good of 8708.29 for a passenger vehicle: Table A.1 lists only body stampings (ex 8708.29), so the producer must say which tables the good is in.",
     "SOR/2020-155 Table A.1, ex 8708.29 Body stampings.", "2026-07-01", "8708.29", "PASSENGER_VEHICLE_OE", None, 1000, [mat("SHEET", "7209.16", "NON_ORIGINATING", 300)],
     {"status": "INSUFFICIENT_DATA", "originCriterion": None, "productRule": None, "regionalValueContent": [], "missingData": ["automotive.declaredTables"]})


def main():
    for f in os.listdir(OUT):
        if f.startswith("auto-"):
            os.remove(os.path.join(OUT, f))
    for name, doc in cases:
        with open(os.path.join(OUT, name + ".yaml"), "w") as fh:
            fh.write("# Generated by tools/golden_automotive.py\n")
            yaml.safe_dump(doc, fh, sort_keys=False, width=120, allow_unicode=True)
    print(len(cases), "cases")


if __name__ == "__main__":
    main()
