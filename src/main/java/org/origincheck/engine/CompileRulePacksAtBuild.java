package org.origincheck.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.ReleaseId;
import org.origincheck.rulepack.LoadedRulePack;
import org.origincheck.rulepack.BuildValidatedPack;
import org.origincheck.rulepack.RulePackLoader;

/**
 * The build step that compiles the bundled rule packs' DRL (Maven, phase process-classes, pom.xml): every folder of
 * {@code rules/} with a {@code pack.yaml} is loaded and validated exactly as at startup (a pack with a problem fails the build),
 * the loaded pack written to {@code target/classes/validated-rules/} for startup to read instead of the YAML
 * ({@link BuildValidatedPack}), its DRL compiled with Drools' executable model, and the generated classes written to
 * {@code target/classes/compiled-rules/<key>.zip} for {@link PrebuiltExecutableModel}. It runs after the application's
 * classes are compiled, since the generated code is compiled against the domain classes.
 *
 * <p>Usage: {@code java -cp <runtime classpath> org.origincheck.engine.CompileRulePacksAtBuild <rules folder> <classes folder>}
 */
public final class CompileRulePacksAtBuild {

    private CompileRulePacksAtBuild() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CompileRulePacksAtBuild <rules folder> <classes folder>");
        }
        Path rules = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        // What a former build left is removed, so only archives of the current DRL are shipped.
        for (Path folder : List.of(classes.resolve(PrebuiltExecutableModel.FOLDER), classes.resolve(BuildValidatedPack.FOLDER))) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> old = Files.list(folder)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
        List<Path> packs;
        try (Stream<Path> list = Files.list(rules)) {
            packs = list.filter(p -> Files.isRegularFile(p.resolve(RulePackLoader.MANIFEST))).sorted().toList();
        }
        ClassLoader classLoader = CompileRulePacksAtBuild.class.getClassLoader();
        for (Path pack : packs) {
            long start = System.nanoTime();
            // Validated as at startup, and written for startup to read instead of the YAML (rulepack/BuildValidatedPack).
            LoadedRulePack loaded = BuildValidatedPack.validateAndWrite(pack, classes);
            ReleaseId releaseId = DroolsOriginEngine.releaseId(loaded.pack());
            KieModule module = DroolsOriginEngine.executableModel(loaded, classLoader, releaseId);
            Path written = PrebuiltExecutableModel.write(loaded, module, classes);
            KieServices.Factory.get().getRepository().removeKieModule(releaseId);
            System.out.printf("Compiled the DRL of rule pack %s %s (%d files, %d generated classes) into %s in %d ms%n",
                    loaded.pack().id(), loaded.pack().version(), loaded.drl().size(),
                    ((InternalKieModule) module).getFileNames().stream().filter(n -> n.endsWith(".class")).count(), written,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
