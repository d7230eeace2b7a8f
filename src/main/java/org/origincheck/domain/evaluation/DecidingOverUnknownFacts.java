package org.origincheck.domain.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.rules.RulePack;

/**
 * Around any {@link OriginEngine}: when the answer is INSUFFICIENT_DATA because a fact with a few possible values is missing
 * (an end use, whether a material is a part of the good, the country a good is imported from, a declaration), every value is
 * tried. If every value gives the same status and criterion, that is the answer, with a {@link ReasonCode#HOLDS_FOR_EVERY_VALUE}
 * reason naming the fact; otherwise the answer stays INSUFFICIENT_DATA and asks only for the facts on which it depends.
 *
 * <p>A fact the engine asks for only once another is assumed (e.g. partOfGood under one end use) is tried in turn, so the
 * values form a tree. Figures (costs, weights) are never guessed: a combination that still lacks one is undecided, and an
 * undecided combination never agrees with any other. The number of evaluations is capped; past the cap every fact is asked.
 */
public final class DecidingOverUnknownFacts implements OriginEngine {

    /** At most this many extra evaluations per answer: 5 end uses x 2 x 2 x 2 yes/no facts fit. */
    public static final int MAX_EVALUATIONS = 64;
    private static final int MAX_LISTED = 20;

    private final OriginEngine engine;
    private final int maxEvaluations;

    public DecidingOverUnknownFacts(OriginEngine engine) {
        this(engine, MAX_EVALUATIONS);
    }

    public DecidingOverUnknownFacts(OriginEngine engine, int maxEvaluations) {
        this.engine = Objects.requireNonNull(engine);
        this.maxEvaluations = maxEvaluations;
    }

    private sealed interface Node {
    }

    /** An evaluation reached with these facts assumed: definite, or undecided with nothing more to try. */
    private record Leaf(Evaluation evaluation, Map<String, String> assumed) implements Node {
        boolean decided() {
            return evaluation.status() != DeterminationStatus.INSUFFICIENT_DATA;
        }
    }

    private record Branch(MissingData fact, List<Map.Entry<String, Node>> children) implements Node {
    }

    private static final class Budget {
        int left;
        boolean exceeded;

        Budget(int left) {
            this.left = left;
        }
    }

    @Override
    public Evaluation evaluate(BillOfMaterials bom, RulePack pack) {
        return decide(bom, pack, engine.evaluate(bom, pack));
    }

    /** The first answers from the engine together (one rules session for a level of sub-assemblies), then each decided as alone. */
    @Override
    public List<Evaluation> evaluateAll(List<BillOfMaterials> boms, RulePack pack) {
        List<Evaluation> firsts = engine.evaluateAll(boms, pack);
        List<Evaluation> out = new ArrayList<>(boms.size());
        for (int i = 0; i < boms.size(); i++) {
            out.add(decide(boms.get(i), pack, firsts.get(i)));
        }
        return out;
    }

    private Evaluation decide(BillOfMaterials bom, RulePack pack, Evaluation first) {
        if (first.status() != DeterminationStatus.INSUFFICIENT_DATA || nextFact(first, Map.of()).isEmpty()) {
            return first;
        }
        Budget budget = new Budget(maxEvaluations);
        Map<String, MissingData> tried = new LinkedHashMap<>();
        Node tree = explore(bom, pack, first, new LinkedHashMap<>(), budget, tried);
        if (budget.exceeded) {
            return capped(first, tried);
        }
        if (tree instanceof Leaf leaf && leaf.decided()) {
            return holds(leaf, tried);
        }
        return depends(first, tree);
    }

    private Node explore(BillOfMaterials bom, RulePack pack, Evaluation evaluation, Map<String, String> assumed, Budget budget,
                         Map<String, MissingData> tried) {
        Optional<MissingData> next = nextFact(evaluation, assumed);
        if (evaluation.status() != DeterminationStatus.INSUFFICIENT_DATA || next.isEmpty()) {
            return new Leaf(evaluation, Map.copyOf(assumed));
        }
        MissingData fact = next.get();
        tried.putIfAbsent(fact.field(), fact);
        List<Map.Entry<String, Node>> children = new ArrayList<>();
        for (String value : fact.values()) {
            if (budget.left <= 0) {
                budget.exceeded = true;
                return new Leaf(evaluation, Map.copyOf(assumed));
            }
            BillOfMaterials assumedBom = FactQuestions.assume(bom, fact.field(), value).orElseThrow();
            budget.left--;
            Map<String, String> deeper = new LinkedHashMap<>(assumed);
            deeper.put(fact.field(), value);
            children.add(Map.entry(value, explore(assumedBom, pack, engine.evaluate(assumedBom, pack), deeper, budget, tried)));
        }
        // Every value leads to the same answers for the same further facts: this fact does not matter here, whatever it is.
        Node firstChild = children.get(0).getValue();
        boolean agree = children.stream().allMatch(c -> equivalent(c.getValue(), firstChild));
        return agree ? firstChild : new Branch(fact, children);
    }

    /**
     * Whether two subtrees give the same answer for every value of the facts still open: the same definite answer, or the same
     * fact tried with equivalent answers value by value. An undecided combination is equivalent to nothing: a figure could
     * still give it either answer.
     */
    private static boolean equivalent(Node a, Node b) {
        if (a instanceof Leaf x && b instanceof Leaf y) {
            return x.decided() && y.decided() && sameAnswer(x.evaluation(), y.evaluation());
        }
        if (a instanceof Branch x && b instanceof Branch y) {
            if (!x.fact().field().equals(y.fact().field()) || x.children().size() != y.children().size()) {
                return false;
            }
            for (int i = 0; i < x.children().size(); i++) {
                if (!x.children().get(i).getKey().equals(y.children().get(i).getKey())
                        || !equivalent(x.children().get(i).getValue(), y.children().get(i).getValue())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The first fact still missing that can be tried value by value (and has not been assumed already). */
    private static Optional<MissingData> nextFact(Evaluation evaluation, Map<String, String> assumed) {
        return evaluation.missingData().stream()
                .filter(m -> !m.values().isEmpty() && !assumed.containsKey(m.field()) && FactQuestions.of(m.field()).isPresent())
                .findFirst();
    }

    private static boolean sameAnswer(Evaluation a, Evaluation b) {
        return a.status() == b.status() && a.originCriterion() == b.originCriterion();
    }

    private Evaluation holds(Leaf leaf, Map<String, MissingData> tried) {
        Evaluation e = leaf.evaluation();
        String answer = WrappedAnswers.answer(e);
        List<String> facts = tried.values().stream().map(m -> m.field() + " (" + String.join(", ", m.values()) + ")").toList();
        String shown = String.join(", ", leaf.assumed().entrySet().stream().map(x -> x.getKey() + " = " + x.getValue()).toList());
        Reason reason = new Reason(ReasonCode.HOLDS_FOR_EVERY_VALUE, e.status() == DeterminationStatus.ORIGINATING ? Outcome.PASS : Outcome.FAIL,
                "Not given: " + String.join("; ", facts) + ". Every value was tried and each gives " + answer
                        + ", so the answer holds whatever " + (tried.size() == 1 ? "it is" : "they are")
                        + "; the reasons shown are those found with " + shown + ".", Citations.ORIGINATING_GOODS, List.of(), null);
        return with(e, WrappedAnswers.insertBeforeConclusion(e.reasons(), reason), e.missingData());
    }

    private Evaluation depends(Evaluation first, Node tree) {
        Map<String, MissingData> asked = new LinkedHashMap<>();
        Map<String, MissingData> figures = new LinkedHashMap<>();
        List<String> outcomes = new ArrayList<>();
        collect(tree, asked, figures, outcomes);
        List<MissingData> missing = new ArrayList<>(asked.values());
        figures.values().stream().filter(m -> !asked.containsKey(m.field())).forEach(missing::add);
        String listed = String.join("; ", outcomes.stream().limit(MAX_LISTED).toList())
                + (outcomes.size() > MAX_LISTED ? "; and " + (outcomes.size() - MAX_LISTED) + " more" : "");
        Reason reason = new Reason(ReasonCode.DEPENDS_ON_UNKNOWN_FACTS, Outcome.INSUFFICIENT_DATA,
                "The answer depends on " + String.join(", ", asked.keySet()) + ", which the submission does not give: " + listed + ".",
                Citations.ORIGINATING_GOODS, List.of(), null);
        String summary = "Origin cannot be determined without: "
                + String.join("; ", missing.stream().map(m -> m.field() + " (" + m.message() + ")").toList()) + ".";
        return with(first, WrappedAnswers.insertBeforeConclusion(first.reasons(), reason, summary, null), missing);
    }

    private static void collect(Node node, Map<String, MissingData> asked, Map<String, MissingData> figures, List<String> outcomes) {
        if (node instanceof Leaf leaf) {
            String at = leaf.assumed().isEmpty() ? "" : String.join(", ", leaf.assumed().entrySet().stream()
                    .map(x -> x.getKey() + " = " + x.getValue()).toList()) + ": ";
            if (leaf.decided()) {
                outcomes.add(at + WrappedAnswers.answer(leaf.evaluation()));
            } else {
                outcomes.add(at + "undetermined without "
                        + String.join(", ", leaf.evaluation().missingData().stream().map(MissingData::field).toList()));
                leaf.evaluation().missingData().forEach(m -> {
                    if (!leaf.assumed().containsKey(m.field())) {
                        figures.putIfAbsent(m.field(), m);
                    }
                });
            }
            return;
        }
        Branch branch = (Branch) node;
        asked.putIfAbsent(branch.fact().field(), branch.fact());
        for (Map.Entry<String, Node> child : branch.children()) {
            collect(child.getValue(), asked, figures, outcomes);
        }
    }

    private Evaluation capped(Evaluation first, Map<String, MissingData> tried) {
        Reason reason = new Reason(ReasonCode.DEPENDS_ON_UNKNOWN_FACTS, Outcome.INSUFFICIENT_DATA,
                "Not given: " + String.join(", ", tried.keySet()) + "; trying every combination of their values would take more than "
                        + maxEvaluations + " evaluations, so they are asked instead of tried.", Citations.ORIGINATING_GOODS, List.of(), null);
        return with(first, WrappedAnswers.insertBeforeConclusion(first.reasons(), reason), first.missingData());
    }

    private static Evaluation with(Evaluation e, List<Reason> reasons, List<MissingData> missing) {
        return new Evaluation(e.reference(), e.asOf(), e.rulePack(), e.status(), e.originCriterion(), e.productRule(),
                e.regionalValueContent(), reasons, missing, e.automotive(), e.provisional());
    }
}
