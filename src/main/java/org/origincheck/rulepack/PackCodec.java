package org.origincheck.rulepack;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.origincheck.domain.automotive.AutomotiveFacts;
import org.origincheck.domain.automotive.AutomotiveRules;
import org.origincheck.domain.automotive.AutomotiveTable;
import org.origincheck.domain.automotive.AutomotiveTables;
import org.origincheck.domain.automotive.CorePartsRollUp;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.automotive.LaborValueContentRequirement;
import org.origincheck.domain.automotive.PartSchedule;
import org.origincheck.domain.automotive.PartsRuleForListedParts;
import org.origincheck.domain.automotive.SteelAndAluminumShare;
import org.origincheck.domain.automotive.TableEntry;
import org.origincheck.domain.automotive.VehicleClass;
import org.origincheck.domain.automotive.WageFloor;
import org.origincheck.domain.dated.DatedValue;
import org.origincheck.domain.dated.Threshold;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.ChapterNote;
import org.origincheck.domain.rules.ChapterRule;
import org.origincheck.domain.rules.DeMinimisExclusion;
import org.origincheck.domain.rules.DescribedProvisions;
import org.origincheck.domain.rules.DirectionOfTrade;
import org.origincheck.domain.rules.GoodCondition;
import org.origincheck.domain.rules.MoreThanOneOf;
import org.origincheck.domain.rules.Parameter;
import org.origincheck.domain.rules.Parameters;
import org.origincheck.domain.rules.ParseStatus;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.ProductRuleBook;
import org.origincheck.domain.rules.Proviso;
import org.origincheck.domain.rules.Question;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.domain.rules.RvcRequirement;
import org.origincheck.domain.rules.ScheduleTwoGood;
import org.origincheck.domain.rules.ShiftSource;
import org.origincheck.domain.rules.SourceDocument;
import org.origincheck.domain.rules.TariffShift;

/**
 * The loaded pack written and read component by component, through each record's canonical constructor, for
 * {@link BuildValidatedPack} (issue 19). Java serialisation read the same pack in 0.4-0.6 s of thread CPU on a start, most of it
 * per class (reflection and method handles for each record class) and generic per-object machinery run cold; this reads it as
 * plain constructor calls (docs/startup.md). Equal strings are written once; a record instance shared in the loaded pack is
 * written once and shared again when read, as Java serialisation did. Nothing but these types can be created from the file.
 * <p>
 * The order of the components is this class's: the file is used only by the same build of the loader and the domain
 * ({@link ClassFileDigests} covers both, this class included), so no versioning is needed beyond the format line. A record that
 * gains a component does not compile here until it is read and written; a new kind of {@link ShiftSource} or {@link Proviso}
 * fails the build when the pack is written.
 */
final class PackCodec {

    private static final int NULL = 0;
    private static final int NEW = 1;
    private static final int SEEN = 2;

    private PackCodec() {
    }

    static void write(LoadedRulePack loaded, DataOutputStream out) throws IOException {
        if (loaded.pack().hsCorrelation() != null) {
            throw new IllegalArgumentException("a pack with an HS correlation table is loaded from its YAML");
        }
        Writer w = new Writer(out);
        w.pack(loaded.pack());
        w.map(loaded.drl(), w::string, w::string);
        w.list(loaded.warnings(), w::string);
        out.writeInt(w.records.size());
    }

    static LoadedRulePack read(DataInputStream in) throws IOException {
        Reader r = new Reader(in);
        RulePack pack = r.pack();
        Map<String, String> drl = r.map(r::string, r::string);
        List<String> warnings = r.list(r::string);
        if (in.readInt() != r.records.size()) {
            throw new IOException("the pack's records do not add up");
        }
        return new LoadedRulePack(pack, drl, warnings);
    }

    private interface Put<T> {
        void put(T value) throws IOException;
    }

    private interface Get<T> {
        T get() throws IOException;
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> strings = new HashMap<>();
        private final Map<Object, Integer> records = new IdentityHashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void string(String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            Integer seen = strings.get(s);
            if (seen != null) {
                out.writeInt(seen);
                return;
            }
            strings.put(s, strings.size());
            out.writeInt(-2);
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        /** A record, or null; an instance written before is written as a reference to it. */
        <T> void record(T value, Put<T> body) throws IOException {
            if (value == null) {
                out.writeByte(NULL);
                return;
            }
            Integer seen = records.get(value);
            if (seen != null) {
                out.writeByte(SEEN);
                out.writeInt(seen);
                return;
            }
            out.writeByte(NEW);
            body.put(value);
            records.put(value, records.size());
        }

        <T> void list(List<T> values, Put<T> element) throws IOException {
            if (values == null) {
                out.writeInt(-1);
                return;
            }
            out.writeInt(values.size());
            for (T value : values) {
                element.put(value);
            }
        }

        <K, V> void map(Map<K, V> values, Put<K> key, Put<V> value) throws IOException {
            if (values == null) {
                out.writeInt(-1);
                return;
            }
            out.writeInt(values.size());
            for (Map.Entry<K, V> entry : values.entrySet()) {
                key.put(entry.getKey());
                value.put(entry.getValue());
            }
        }

        void enumeration(Enum<?> value) throws IOException {
            out.writeShort(value == null ? -1 : value.ordinal());
        }

        void date(LocalDate date) throws IOException {
            out.writeBoolean(date != null);
            if (date != null) {
                out.writeLong(date.toEpochDay());
            }
        }

        /** As its string, which gives back the same unscaled value and scale. */
        void decimal(BigDecimal value) throws IOException {
            string(value == null ? null : value.toString());
        }

        void integer(Integer value) throws IOException {
            out.writeBoolean(value != null);
            if (value != null) {
                out.writeInt(value);
            }
        }

        void pack(RulePack p) throws IOException {
            string(p.id());
            string(p.version());
            string(p.sha256());
            date(p.effectiveFrom());
            date(p.effectiveTo());
            list(p.sources(), this::source);
            record(p.parameters(), x -> map(x.byName(), this::string, this::parameter));
            record(p.productRules(), x -> list(x.all(), this::productRule));
            list(p.deMinimisExclusions(), this::deMinimis);
            list(p.notes(), this::note);
            map(p.options(), this::string, this::string);
            record(p.automotive(), this::automotive);
            list(p.scheduleTwo(), this::scheduleTwo);
        }

        void source(SourceDocument s) throws IOException {
            record(s, x -> {
                string(x.id());
                string(x.title());
                string(x.revision());
                string(x.url());
            });
        }

        void parameter(Parameter p) throws IOException {
            record(p, x -> {
                string(x.name());
                string(x.description());
                string(x.reference());
                threshold(x.values());
            });
        }

        void threshold(Threshold t) throws IOException {
            record(t, x -> list(x.schedule(), this::datedValue));
        }

        void datedValue(DatedValue d) throws IOException {
            record(d, x -> {
                date(x.from());
                date(x.to());
                decimal(x.value());
            });
        }

        void range(HsRange r) throws IOException {
            record(r, x -> {
                enumeration(x.level());
                string(x.from());
                string(x.to());
            });
        }

        void question(Question q) throws IOException {
            record(q, x -> {
                string(x.id());
                string(x.words());
            });
        }

        void productRule(ProductRule r) throws IOException {
            record(r, x -> {
                string(x.id());
                list(x.scope(), this::range);
                list(x.endUses() == null ? null : List.copyOf(x.endUses()), this::enumeration);
                list(x.vehicleClasses() == null ? null : List.copyOf(x.vehicleClasses()), this::enumeration);
                date(x.effectiveFrom());
                date(x.effectiveTo());
                string(x.text());
                string(x.citation());
                string(x.source());
                string(x.verification());
                list(x.alternatives(), this::alternative);
                string(x.notes());
                string(x.partsRuleUnavailable());
                enumeration(x.parseStatus());
                string(x.parseNote());
                string(x.file());
                out.writeInt(x.line());
                enumeration(x.trade());
            });
        }

        void alternative(RuleAlternative a) throws IOException {
            record(a, x -> {
                string(x.label());
                record(x.tariffShift(), this::tariffShift);
                record(x.regionalValueContent(), y -> {
                    threshold(y.transactionValue());
                    threshold(y.netCost());
                });
                list(x.goodConditions(), g -> record(g, y -> {
                    question(y.question());
                    out.writeBoolean(y.required());
                }));
                list(x.provisos(), this::proviso);
            });
        }

        void tariffShift(TariffShift t) throws IOException {
            list(t.from(), this::shiftSource);
            list(t.except(), this::range);
            list(t.exceptDescribed(), this::described);
            record(t.exceptMoreThanOne(), x -> list(x.groups(), g -> record(g, y -> {
                string(y.label());
                list(y.ranges(), this::range);
            })));
        }

        void described(DescribedProvisions d) throws IOException {
            record(d, x -> {
                list(x.ranges(), this::range);
                question(x.question());
                out.writeBoolean(x.required());
            });
        }

        void shiftSource(ShiftSource s) throws IOException {
            record(s, x -> {
                if (x instanceof ShiftSource.AnyOther y) {
                    out.writeByte(1);
                    enumeration(y.level());
                } else if (x instanceof ShiftSource.Outside y) {
                    out.writeByte(2);
                    list(y.ranges(), this::range);
                } else if (x instanceof ShiftSource.From y) {
                    out.writeByte(3);
                    list(y.ranges(), this::range);
                } else if (x instanceof ShiftSource.Described y) {
                    out.writeByte(4);
                    described(y.materials());
                } else if (x instanceof ShiftSource.SameProvision y) {
                    out.writeByte(5);
                    enumeration(y.level());
                    question(y.question());
                } else if (x instanceof ShiftSource.OtherWithin y) {
                    out.writeByte(6);
                    enumeration(y.level());
                    list(y.ranges(), this::range);
                } else {
                    throw new IllegalArgumentException("a kind of shift source the pack's file cannot hold: " + x);
                }
            });
        }

        void proviso(Proviso p) throws IOException {
            record(p, x -> {
                if (x instanceof Proviso.Declared y) {
                    out.writeByte(1);
                    question(y.question());
                } else if (x instanceof Proviso.OriginatingShareByWeight y) {
                    out.writeByte(2);
                    list(y.materials(), this::range);
                    decimal(y.atLeastPercent());
                    string(y.words());
                } else if (x instanceof Proviso.ChapterRuleCondition y) {
                    out.writeByte(3);
                    chapterRule(y.rule());
                } else if (x instanceof Proviso.NotSubjectToChapterRules y) {
                    out.writeByte(4);
                    list(y.rules(), this::integer);
                    string(y.words());
                } else {
                    throw new IllegalArgumentException("a kind of proviso the pack's file cannot hold: " + x);
                }
            });
        }

        void chapterRule(ChapterRule c) throws IOException {
            record(c, x -> {
                string(x.id());
                string(x.chapter());
                out.writeInt(x.number());
                string(x.citation());
                string(x.text());
                enumeration(x.kind());
                date(x.effectiveFrom());
                list(x.notForGoods(), this::range);
                list(x.materials(), this::range);
                question(x.question());
                question(x.condition());
                record(x.appliesTo(), y -> {
                    list(y.goods(), this::range);
                    list(y.materials(), this::range);
                    question(y.question());
                    out.writeBoolean(y.appliesWhen());
                });
            });
        }

        void deMinimis(DeMinimisExclusion d) throws IOException {
            record(d, x -> {
                string(x.id());
                string(x.citation());
                list(x.goods(), this::range);
                list(x.materials(), this::range);
                out.writeBoolean(x.unlessDifferentSubheading());
                list(x.conditions(), c -> record(c, y -> {
                    list(y.goods(), this::range);
                    list(y.materials(), this::range);
                    string(y.text());
                }));
                out.writeBoolean(x.weightBased());
            });
        }

        void note(ChapterNote n) throws IOException {
            record(n, x -> {
                string(x.id());
                string(x.chapter());
                string(x.citation());
                string(x.scope());
                string(x.text());
            });
        }

        void scheduleTwo(ScheduleTwoGood s) throws IOException {
            record(s, x -> {
                string(x.subheading());
                string(x.group());
                string(x.narrowedTo());
            });
        }

        void automotive(AutomotiveRules a) throws IOException {
            record(a.tables(), x -> list(x.entries(), e -> record(e, y -> {
                enumeration(y.table());
                range(y.provision());
                out.writeBoolean(y.ex());
                string(y.description());
                string(y.group());
            })));
            map(a.partSchedules(), this::string, s -> record(s, x -> {
                string(x.id());
                string(x.description());
                string(x.citation());
                threshold(x.netCost());
                threshold(x.transactionValue());
                out.writeBoolean(x.mandatory());
            }));
            map(a.laborValueContent(), this::enumeration, l -> record(l, x -> {
                enumeration(x.vehicleClass());
                threshold(x.total());
                threshold(x.highWageMinimum());
                string(x.citation());
            }));
            record(a.credits(), x -> {
                decimal(x.technologyMaximum());
                decimal(x.assemblyCredit());
                capacity(x.passengerVehicleOrLightTruckParts());
                capacity(x.heavyTruckParts());
                out.writeInt(x.minimumContractYears());
                string(x.technologyCitation());
                string(x.assemblyCitation());
            });
            list(a.wageFloors(), f -> record(f, x -> {
                string(x.country());
                string(x.currency());
                decimal(x.amount());
                string(x.citation());
            }));
            record(a.steelAndAluminum(), x -> {
                decimal(x.share());
                date(x.meltedAndPouredFrom());
                list(x.rawMaterialHeadings(), this::string);
                string(x.citation());
            });
            record(a.stagingRegime(), x -> {
                date(x.from());
                date(x.to());
                decimal(x.laborValueContent());
                decimal(x.highWageMinimum());
                string(x.citation());
            });
            enumeration(a.corePartsRollUp());
            enumeration(a.steelAndAluminumShare());
            enumeration(a.partsRuleForListedParts());
            map(a.corePartSubheadings(), this::string, this::enumeration);
        }

        void capacity(AutomotiveRules.Capacity c) throws IOException {
            record(c, x -> {
                out.writeLong(x.engines());
                out.writeLong(x.transmissions());
                out.writeLong(x.advancedBatteryPacks());
            });
        }
    }

    private static final class Reader {
        private static final HsLevel[] LEVELS = HsLevel.values();
        private static final EndUse[] END_USES = EndUse.values();
        private static final VehicleClass[] VEHICLE_CLASSES = VehicleClass.values();
        private static final ParseStatus[] PARSE_STATUSES = ParseStatus.values();
        private static final DirectionOfTrade[] TRADES = DirectionOfTrade.values();
        private static final ChapterRule.Kind[] KINDS = ChapterRule.Kind.values();
        private static final AutomotiveTable[] TABLES = AutomotiveTable.values();
        private static final CorePartsRollUp[] ROLL_UPS = CorePartsRollUp.values();
        private static final SteelAndAluminumShare[] STEEL_SHARES = SteelAndAluminumShare.values();
        private static final PartsRuleForListedParts[] PARTS_RULES = PartsRuleForListedParts.values();
        private static final AutomotiveFacts.CorePartCategory[] CATEGORIES = AutomotiveFacts.CorePartCategory.values();

        private final DataInputStream in;
        private final List<String> strings = new ArrayList<>();
        private final List<Object> records = new ArrayList<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        String string() throws IOException {
            int index = in.readInt();
            if (index == -1) {
                return null;
            }
            if (index >= 0) {
                return strings.get(index);
            }
            byte[] bytes = new byte[count()];
            in.readFully(bytes);
            String s = new String(bytes, StandardCharsets.UTF_8);
            strings.add(s);
            return s;
        }

        @SuppressWarnings("unchecked")
        <T> T record(Get<T> body) throws IOException {
            int kind = in.readByte();
            if (kind == NULL) {
                return null;
            }
            if (kind == SEEN) {
                return (T) records.get(in.readInt());
            }
            if (kind != NEW) {
                throw new IOException("unexpected record marker " + kind);
            }
            T value = body.get();
            records.add(value);
            return value;
        }

        /** A length or a number of elements, which cannot exceed the bytes left (a file cut short or altered). */
        private int count() throws IOException {
            int count = in.readInt();
            if (count > in.available()) {
                throw new IOException("a count of " + count + " with " + in.available() + " bytes left");
            }
            return count;
        }

        <T> List<T> list(Get<T> element) throws IOException {
            int size = count();
            if (size < 0) {
                return null;
            }
            List<T> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(element.get());
            }
            return out;
        }

        /** In the order written, for the maps no record copies (the DRL sources). */
        <K, V> Map<K, V> map(Get<K> key, Get<V> value) throws IOException {
            int size = count();
            if (size < 0) {
                return null;
            }
            Map<K, V> out = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                out.put(key.get(), value.get());
            }
            return out;
        }

        private <E extends Enum<E>> E enumeration(E[] values) throws IOException {
            int ordinal = in.readShort();
            return ordinal < 0 ? null : values[ordinal];
        }

        LocalDate date() throws IOException {
            return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
        }

        BigDecimal decimal() throws IOException {
            String s = string();
            return s == null ? null : new BigDecimal(s);
        }

        Integer integer() throws IOException {
            return in.readBoolean() ? in.readInt() : null;
        }

        RulePack pack() throws IOException {
            String id = string();
            String version = string();
            String sha256 = string();
            LocalDate from = date();
            LocalDate to = date();
            List<SourceDocument> sources = list(this::source);
            Parameters parameters = record(() -> new Parameters(map(this::string, this::parameter)));
            ProductRuleBook rules = record(() -> new ProductRuleBook(list(this::productRule)));
            List<DeMinimisExclusion> deMinimis = list(this::deMinimis);
            List<ChapterNote> notes = list(this::note);
            Map<String, String> options = map(this::string, this::string);
            AutomotiveRules automotive = record(this::automotive);
            List<ScheduleTwoGood> scheduleTwo = list(this::scheduleTwo);
            return new RulePack(id, version, sha256, from, to, sources, parameters, rules, deMinimis, notes, options, automotive,
                    scheduleTwo, null);
        }

        SourceDocument source() throws IOException {
            return record(() -> new SourceDocument(string(), string(), string(), string()));
        }

        Parameter parameter() throws IOException {
            return record(() -> new Parameter(string(), string(), string(), threshold()));
        }

        Threshold threshold() throws IOException {
            return record(() -> new Threshold(list(this::datedValue)));
        }

        DatedValue datedValue() throws IOException {
            return record(() -> new DatedValue(date(), date(), decimal()));
        }

        HsRange range() throws IOException {
            return record(() -> new HsRange(enumeration(LEVELS), string(), string()));
        }

        Question question() throws IOException {
            return record(() -> new Question(string(), string()));
        }

        ProductRule productRule() throws IOException {
            return record(() -> {
                String id = string();
                List<HsRange> scope = list(this::range);
                List<EndUse> endUses = list(() -> enumeration(END_USES));
                List<VehicleClass> vehicleClasses = list(() -> enumeration(VEHICLE_CLASSES));
                LocalDate from = date();
                LocalDate to = date();
                String text = string();
                String citation = string();
                String source = string();
                String verification = string();
                List<RuleAlternative> alternatives = list(this::alternative);
                String notes = string();
                String partsRuleUnavailable = string();
                ParseStatus parseStatus = enumeration(PARSE_STATUSES);
                String parseNote = string();
                String file = string();
                int line = in.readInt();
                DirectionOfTrade trade = enumeration(TRADES);
                return new ProductRule(id, scope, setOf(endUses, EndUse.class), setOf(vehicleClasses, VehicleClass.class), from, to,
                        text, citation, source, verification, alternatives, notes, partsRuleUnavailable, parseStatus, parseNote, file,
                        line, trade);
            });
        }

        private static <E extends Enum<E>> Set<E> setOf(List<E> values, Class<E> type) {
            if (values == null) {
                return null;
            }
            Set<E> out = EnumSet.noneOf(type);
            out.addAll(values);
            return out;
        }

        RuleAlternative alternative() throws IOException {
            return record(() -> new RuleAlternative(string(), record(this::tariffShift),
                    record(() -> new RvcRequirement(threshold(), threshold())),
                    list(() -> record(() -> new GoodCondition(question(), in.readBoolean()))),
                    list(this::proviso)));
        }

        TariffShift tariffShift() throws IOException {
            return new TariffShift(list(this::shiftSource), list(this::range), list(this::described),
                    record(() -> new MoreThanOneOf(list(() -> record(() -> new MoreThanOneOf.Group(string(), list(this::range)))))));
        }

        DescribedProvisions described() throws IOException {
            return record(() -> new DescribedProvisions(list(this::range), question(), in.readBoolean()));
        }

        ShiftSource shiftSource() throws IOException {
            return record(() -> {
                int kind = in.readByte();
                return switch (kind) {
                    case 1 -> new ShiftSource.AnyOther(enumeration(LEVELS));
                    case 2 -> new ShiftSource.Outside(list(this::range));
                    case 3 -> new ShiftSource.From(list(this::range));
                    case 4 -> new ShiftSource.Described(described());
                    case 5 -> new ShiftSource.SameProvision(enumeration(LEVELS), question());
                    case 6 -> new ShiftSource.OtherWithin(enumeration(LEVELS), list(this::range));
                    default -> throw new IOException("unknown kind of shift source " + kind);
                };
            });
        }

        Proviso proviso() throws IOException {
            return record(() -> {
                int kind = in.readByte();
                return switch (kind) {
                    case 1 -> new Proviso.Declared(question());
                    case 2 -> new Proviso.OriginatingShareByWeight(list(this::range), decimal(), string());
                    case 3 -> new Proviso.ChapterRuleCondition(chapterRule());
                    case 4 -> new Proviso.NotSubjectToChapterRules(list(this::integer), string());
                    default -> throw new IOException("unknown kind of proviso " + kind);
                };
            });
        }

        ChapterRule chapterRule() throws IOException {
            return record(() -> new ChapterRule(string(), string(), in.readInt(), string(), string(), enumeration(KINDS), date(),
                    list(this::range), list(this::range), question(), question(),
                    record(() -> new ChapterRule.Applicability(list(this::range), list(this::range), question(), in.readBoolean()))));
        }

        DeMinimisExclusion deMinimis() throws IOException {
            return record(() -> new DeMinimisExclusion(string(), string(), list(this::range), list(this::range), in.readBoolean(),
                    list(() -> record(() -> new DeMinimisExclusion.Condition(list(this::range), list(this::range), string()))),
                    in.readBoolean()));
        }

        ChapterNote note() throws IOException {
            return record(() -> new ChapterNote(string(), string(), string(), string(), string()));
        }

        ScheduleTwoGood scheduleTwo() throws IOException {
            return record(() -> new ScheduleTwoGood(string(), string(), string()));
        }

        AutomotiveRules automotive() throws IOException {
            AutomotiveTables tables = record(() -> new AutomotiveTables(list(() -> record(
                    () -> new TableEntry(enumeration(TABLES), range(), in.readBoolean(), string(), string())))));
            Map<String, PartSchedule> schedules = map(this::string, () -> record(
                    () -> new PartSchedule(string(), string(), string(), threshold(), threshold(), in.readBoolean())));
            Map<VehicleClass, LaborValueContentRequirement> lvc = map(() -> enumeration(VEHICLE_CLASSES), () -> record(
                    () -> new LaborValueContentRequirement(enumeration(VEHICLE_CLASSES), threshold(), threshold(), string())));
            AutomotiveRules.Credits credits = record(() -> new AutomotiveRules.Credits(decimal(), decimal(), capacity(), capacity(),
                    in.readInt(), string(), string()));
            List<WageFloor> wageFloors = list(() -> record(() -> new WageFloor(string(), string(), decimal(), string())));
            AutomotiveRules.SteelAndAluminum steel = record(() -> new AutomotiveRules.SteelAndAluminum(decimal(), date(),
                    list(this::string), string()));
            AutomotiveRules.StagingRegime staging = record(() -> new AutomotiveRules.StagingRegime(date(), date(), decimal(),
                    decimal(), string()));
            return new AutomotiveRules(tables, schedules, lvc, credits, wageFloors, steel, staging, enumeration(ROLL_UPS),
                    enumeration(STEEL_SHARES), enumeration(PARTS_RULES), map(this::string, () -> enumeration(CATEGORIES)));
        }

        AutomotiveRules.Capacity capacity() throws IOException {
            return record(() -> new AutomotiveRules.Capacity(in.readLong(), in.readLong(), in.readLong()));
        }
    }
}
