package org.origincheck.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.drools.base.util.Drools;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.modelcompiler.CanonicalKieModuleModel;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.origincheck.rulepack.ClassFileDigests;
import org.origincheck.rulepack.LoadedRulePack;

/**
 * A pack's DRL compiled into Drools' executable model during the Maven build ({@link CompileRulePacksAtBuild}), so that
 * startup builds the rule base from classes instead of generating Java and compiling it with ECJ (issue 19).
 *
 * <p>It is one archive per compilation on the classpath, {@code compiled-rules/<key>.zip}: the classes Drools generated and a
 * manifest. The key is a SHA-256 of exactly what the compilation read: the Drools version and every DRL file of the pack
 * (path and text). The law stays in {@code rules/} as data; the archive is only a cache of compiling it, and is used only when
 * <ul>
 * <li>its key equals the key of the DRL just loaded and validated (so a pack from another folder or a changed DRL is compiled
 * at startup as before); a deployer's overlay of product rules (docs/rule-pack-overlay.md) or a scenario changes data read at
 * evaluation, never the DRL, so it runs on the same compiled rules, as scenario overlays always have;</li>
 * <li>and every class of {@code org.origincheck.domain} the generated code was compiled against is byte for byte the one the
 * application runs with (a class recompiled without the Maven build, as in dev mode, would leave the generated code and
 * Drools' metadata of the fact types out of date).</li>
 * </ul>
 * Otherwise {@link #find} says why, and the engine compiles the DRL as it always did. The pack's own SHA-256, which every
 * determination names, is the loader's and is not affected.
 */
final class PrebuiltExecutableModel {

    /** The classpath folder of the archives (under target/classes at build time). */
    static final String FOLDER = "compiled-rules";
    static final String MANIFEST = "prebuilt-model.properties";
    static final String DOMAIN_DIGESTS = "domain-classes.sha256";
    /** The classes the generated code calls and Drools inspects (fact types, globals, functions): the domain core. */
    static final String DOMAIN_FOLDER = "org/origincheck/domain/";

    private PrebuiltExecutableModel() {
    }

    /** A prebuilt rule base, or why there is none for this pack. */
    record Lookup(Optional<KieBase> kieBase, String detail) {
    }

    /** The key of a compilation: the Drools version and the pack's DRL files, path and text, in the pack's order. */
    static String key(LoadedRulePack loaded) {
        MessageDigest digest = sha256();
        digest.update(("drools " + Drools.getFullVersion()).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> drl : loaded.drl().entrySet()) {
            digest.update((byte) 0);
            digest.update(drl.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(drl.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The archive for this pack's DRL on the class loader, checked, with its rule base built; or why not. */
    static Lookup find(LoadedRulePack loaded, ClassLoader classLoader) {
        String key = key(loaded);
        String resource = FOLDER + "/" + key + ".zip";
        Map<String, byte[]> entries;
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                return none("no prebuilt executable model for these DRL files (" + resource + ")");
            }
            entries = unzip(in);
        } catch (IOException e) {
            return none(resource + " cannot be read: " + e.getMessage());
        }
        byte[] manifestBytes = entries.remove(MANIFEST);
        byte[] domainBytes = entries.remove(DOMAIN_DIGESTS);
        if (manifestBytes == null || domainBytes == null) {
            return none(resource + " lacks " + MANIFEST + " or " + DOMAIN_DIGESTS);
        }
        Properties manifest = new Properties();
        try {
            manifest.load(new StringReader(new String(manifestBytes, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return none(resource + ": " + e.getMessage());
        }
        if (!key.equals(manifest.getProperty("key"))) {
            return none(resource + " was built for other DRL files (key " + manifest.getProperty("key") + ")");
        }
        Optional<String> changed = ClassFileDigests.firstChanged(new String(domainBytes, StandardCharsets.UTF_8), classLoader);
        if (changed.isPresent()) {
            return none("the domain class " + changed.get() + " differs from the one the prebuilt model was compiled against");
        }
        ClassLoader generated = new GeneratedClasses(entries, classLoader);
        try {
            CanonicalKieModuleModel project = (CanonicalKieModuleModel) generated.loadClass(manifest.getProperty("project-model"))
                    .getConstructor().newInstance();
            List<Model> models = project.getModels();
            KieBase base = KieBaseBuilder.createKieBaseFromModel(models, KieServices.Factory.get().newKieBaseConfiguration(null, generated));
            return new Lookup(Optional.of(base), "prebuilt executable model " + resource + " (compiled at build time from "
                    + manifest.getProperty("pack") + ")");
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return none(resource + " cannot be loaded: " + e);
        }
    }

    /**
     * Writes the archive of a compiled pack into {@code classesDir/compiled-rules/}, with the digests of the domain classes
     * in {@code classesDir} it was compiled against. Returns the file written.
     */
    static Path write(LoadedRulePack loaded, KieModule module, Path classesDir) throws IOException {
        InternalKieModule internal = (InternalKieModule) module;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(0); // read once at startup: not worth inflating
            for (String name : internal.getFileNames().stream().filter(n -> n.endsWith(".class")).sorted().toList()) {
                put(zip, name, internal.getBytes(name));
            }
            // Written by hand rather than with Properties.store, which adds the time: the same sources give the same archive.
            String manifest = "# Drools executable model of a rule pack's DRL, compiled during the build (PrebuiltExecutableModel)\n"
                    + "key=" + key(loaded) + "\n"
                    + "pack=" + loaded.pack().id() + " " + loaded.pack().version() + ", sha256 " + loaded.pack().sha256() + "\n"
                    + "drl=" + String.join(" ", loaded.drl().keySet()) + "\n"
                    + "drools=" + Drools.getFullVersion() + "\n"
                    + "project-model=" + CanonicalKieModule.getProjectModelClassNameNameWithReleaseId(module.getReleaseId()) + "\n";
            put(zip, MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
            put(zip, DOMAIN_DIGESTS, domainDigests(classesDir).getBytes(StandardCharsets.UTF_8));
        }
        Path folder = classesDir.resolve(FOLDER);
        Files.createDirectories(folder);
        Path file = folder.resolve(key(loaded) + ".zip");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    /** One line per domain class file under classesDir: its SHA-256 and its resource name, sorted by name. */
    static String domainDigests(Path classesDir) throws IOException {
        return ClassFileDigests.of(classesDir, List.of(DOMAIN_FOLDER), name -> name.endsWith(".class"));
    }

    private static Lookup none(String why) {
        return new Lookup(Optional.empty(), why);
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static Map<String, byte[]> unzip(InputStream in) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), zip.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The generated classes of one archive, in a class loader of their own under the application's: they never become
     * visible to the application, so a DRL compiled at startup (another pack) cannot pick up one of them by name.
     */
    private static final class GeneratedClasses extends ClassLoader {

        private final Map<String, byte[]> files;

        GeneratedClasses(Map<String, byte[]> files, ClassLoader parent) {
            super(parent);
            this.files = files;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = files.get(name.replace('.', '/') + ".class");
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        /** Drools reads a class's bytes to learn its properties' order. */
        @Override
        public InputStream getResourceAsStream(String name) {
            byte[] bytes = files.get(name);
            return bytes != null ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
        }
    }
}
