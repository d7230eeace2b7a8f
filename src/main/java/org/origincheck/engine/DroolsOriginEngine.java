package org.origincheck.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.evaluation.AlternativeUnderTest;
import org.origincheck.domain.evaluation.Assessments;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.EvaluationSubject;
import org.origincheck.domain.evaluation.LegalStep;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.rulepack.LoadedRulePack;
import org.origincheck.rulepack.RulePackException;

/**
 * The Drools adapter behind the {@link OriginEngine} port. Each pack's DRL is compiled once, with the
 * executable model (during the build for the bundled packs: {@link PrebuiltExecutableModel}), into a KieBase keyed by the
 * pack's SHA-256; each evaluation runs in a session of that base's pool, empty when taken (see {@link #evaluateAll}).
 */
public final class DroolsOriginEngine implements OriginEngine {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

    private final ClassLoader classLoader;
    /**
     * A session pool per compiled pack. A multi-level BOM is one evaluation per intermediate material (780 for issue 15's
     * 5-level BOM), and a fresh session per evaluation paid most of its time creating the session's node and segment memories
     * (docs/benchmarks.md); a pooled session keeps them and is reset (every fact, activation, agenda focus and memory content
     * dropped) when disposed. The pool grows to the number of evaluations running at once.
     */
    private static final int INITIAL_POOL_SIZE = 2;

    private final Map<String, KieSessionsPool> pools = new ConcurrentHashMap<>();

    private final boolean usePrebuilt;

    /** The class loader must be the application's: under Quarkus the system one breaks Drools' accumulate functions. */
    public DroolsOriginEngine(ClassLoader classLoader) {
        this(classLoader, true);
    }

    /** {@code usePrebuilt} false always compiles the DRL at startup, ignoring models compiled at build time. */
    public DroolsOriginEngine(ClassLoader classLoader, boolean usePrebuilt) {
        this.classLoader = classLoader;
        this.usePrebuilt = usePrebuilt;
    }

    /**
     * Compiles the pack's DRL into a rule base, once per pack digest: from the executable model compiled at build time when
     * there is one for exactly this DRL ({@link PrebuiltExecutableModel}), otherwise by generating and compiling it here.
     * Says which, for the startup log.
     */
    public String compile(LoadedRulePack loaded) {
        RulePack pack = loaded.pack();
        if (pools.containsKey(pack.sha256())) {
            return "already compiled";
        }
        KieBase base;
        String how;
        PrebuiltExecutableModel.Lookup prebuilt = usePrebuilt ? PrebuiltExecutableModel.find(loaded, classLoader)
                : new PrebuiltExecutableModel.Lookup(Optional.empty(), "models compiled at build time switched off");
        if (prebuilt.kieBase().isPresent()) {
            base = prebuilt.kieBase().get();
            how = "from the " + prebuilt.detail();
        } else {
            KieServices services = KieServices.Factory.get();
            ReleaseId releaseId = releaseId(pack);
            executableModel(loaded, classLoader, releaseId);
            KieContainer container = services.newKieContainer(releaseId, classLoader);
            // The repository is JVM-wide and keeps every module built; the container holds what it needs.
            services.getRepository().removeKieModule(releaseId);
            base = container.getKieBase();
            how = "compiled from the DRL at startup: " + prebuilt.detail();
        }
        pools.put(pack.sha256(), base.newKieSessionsPool(INITIAL_POOL_SIZE));
        return how;
    }

    static ReleaseId releaseId(RulePack pack) {
        return KieServices.Factory.get().newReleaseId("org.origincheck.rulepacks", pack.id(),
                pack.version() + "-" + pack.sha256().substring(0, 16));
    }

    /**
     * The pack's DRL compiled with the executable model (Java generated and compiled with ECJ), left in Drools' JVM-wide
     * repository under {@code releaseId}; at startup or, for the bundled packs, during the build. A DRL that does not compile
     * throws with every problem against the pack's file and line.
     */
    static KieModule executableModel(LoadedRulePack loaded, ClassLoader classLoader, ReleaseId releaseId) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        Map<String, String> packPathByKiePath = new LinkedHashMap<>();
        for (Map.Entry<String, String> drl : loaded.drl().entrySet()) {
            Matcher matcher = PACKAGE.matcher(drl.getValue());
            String folder = matcher.find() ? matcher.group(1).replace('.', '/') : "rules";
            String name = drl.getKey().substring(drl.getKey().lastIndexOf('/') + 1);
            String kiePath = "src/main/resources/" + folder + "/" + name;
            // Drools reports errors against the resource path, without the source folder.
            packPathByKiePath.put(folder + "/" + name, drl.getKey());
            files.write(kiePath, drl.getValue());
        }
        KieBuilder builder = services.newKieBuilder(files, classLoader).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<String> problems = new ArrayList<>();
            for (Message error : errors) {
                if (error.getText() != null && error.getText().startsWith("Parser returned a null Package")) {
                    continue; // a consequence of the syntax error already reported, not a problem of its own
                }
                String path = error.getPath() == null ? "drl" : packPathByKiePath.getOrDefault(error.getPath(), error.getPath());
                problems.add(path + (error.getLine() > 0 ? ":" + error.getLine() : "") + ": " + error.getText());
            }
            throw new RulePackException(loaded.pack().id(), problems);
        }
        return builder.getKieModule();
    }

    /**
     * A scenario's overlay changes only data (thresholds, parameters), never the DRL: it runs on the compiled rules of the pack
     * it overlays, under its own digest.
     */
    public void alias(String overlaySha256, String baseSha256) {
        KieSessionsPool pool = pools.get(baseSha256);
        if (pool == null) {
            throw new IllegalStateException("the pack with digest " + baseSha256 + " was not compiled");
        }
        pools.put(overlaySha256, pool);
    }

    @Override
    public Evaluation evaluate(BillOfMaterials bom, RulePack pack) {
        return evaluateAll(List.of(bom), pack).get(0);
    }

    /**
     * Every bill of materials in one session, one fire: the rules join each fact on its good ({@link EvaluationSubject}) and
     * record into the good's own findings, so each answer is the one the good would get alone. For a level of a multi-level
     * BOM (625 sub-assemblies in issue 15's benchmark) the session's fixed cost (taking, focusing, firing, resetting) is paid
     * once instead of once per sub-assembly (docs/benchmarks.md).
     */
    @Override
    public List<Evaluation> evaluateAll(List<BillOfMaterials> boms, RulePack pack) {
        KieSessionsPool pool = pools.get(pack.sha256());
        if (pool == null) {
            throw new IllegalStateException("rule pack " + pack.id() + " " + pack.version() + " was not compiled");
        }
        if (boms.isEmpty()) {
            return List.of();
        }
        List<EvaluationSubject> subjects = new ArrayList<>(boms.size());
        EvaluationSubject.RuleChoices choices = EvaluationSubject.RuleChoices.forPack(pack);
        for (BillOfMaterials bom : boms) {
            EvaluationSubject subject = new EvaluationSubject(bom, pack, choices.of(bom));
            Assessments.preliminaries(subject, subject.findings());
            subjects.add(subject);
        }
        KieSession session = pool.newKieSession();
        try {
            for (EvaluationSubject subject : subjects) {
                session.insert(subject);
                // Materials are not facts: the rules read the non-originating ones from the subject (the tariff shift with
                // `from` over EvaluationSubject.materialsSubjectToTariffShift), since no test of the law looks at an originating
                // one and inserting a 10,000-line BOM line by line was most of the evaluation time.
                if (subject.hasProductRule()) {
                    AlternativeUnderTest.of(subject).forEach(session::insert);
                }
            }
            // The law's steps in order: the first step's group on top of the focus stack (LegalStep).
            LegalStep[] steps = LegalStep.values();
            for (int i = steps.length - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(steps[i].agendaGroup()).setFocus();
            }
            session.fireAllRules();
        } finally {
            session.dispose(); // back to the pool, reset
        }
        List<Evaluation> out = new ArrayList<>(subjects.size());
        for (EvaluationSubject subject : subjects) {
            out.add(subject.findings().conclude(subject));
        }
        return out;
    }
}
