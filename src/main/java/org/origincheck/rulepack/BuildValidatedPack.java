package org.origincheck.rulepack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A bundled rule pack loaded and validated once, during the Maven build, instead of at every start (issue 19): reading the YAML,
 * parsing the rule texts and checking the rule book cost about a fifth of the main thread's work before ready
 * (docs/startup.md). The law stays in {@code rules/}; this is only the result of loading it, and it is used only when it is
 * the result of loading exactly these files with exactly this code:
 * <ul>
 * <li>it is one file per pack on the classpath, {@code validated-rules/<pack folder>.bin}: the SHA-256 of the pack's files (the
 * digest every determination names), the paths of those files, the SHA-256 of every class that turns them into the pack or that
 * the pack is made of (the domain and the loader), then the loaded pack component by component ({@link PackCodec});</li>
 * <li>at startup the bundled files it names are read again and hashed: files that differ from those it was made from stop the
 * service (a build that left it stale, or a jar altered after the build), since answering from rules that are not the bundled
 * ones would be wrong and silent;</li>
 * <li>a class that differs from the one it was made with (a class recompiled outside the Maven build) means the pack is loaded
 * and validated from the YAML as before, and the log says why; so does a missing file.</li>
 * </ul>
 * Packs from elsewhere (a folder of {@code origincheck.rule-packs.directory}, a deployer's overlay, scenarios) are always
 * loaded and validated in full. {@code origincheck.rule-packs.validated-at-build=false} loads the bundled pack from its YAML too
 * (the dev profile does, so a rule edited in dev mode is validated as it is written).
 */
public final class BuildValidatedPack {

    /** The classpath folder of the files (under target/classes at build time). */
    public static final String FOLDER = "validated-rules";
    private static final String FORMAT = "origincheck rule pack validated at build time, format 2";
    private static final String DOMAIN = "org/origincheck/domain/";
    private static final String LOADER = "org/origincheck/rulepack/";

    private BuildValidatedPack() {
    }

    /** The pack read from its build-time file, or why it was not (and the YAML is to be loaded instead). */
    public record Lookup(Optional<LoadedRulePack> loaded, String detail) {
    }

    /**
     * Loads and validates the pack in {@code packFolder} as startup would (a pack with a problem throws {@link RulePackException},
     * failing the build), and writes its file into {@code classesDir/validated-rules/}. A pack holding an HS correlation table
     * is not written (PackCodec does not write that table): it is loaded from its YAML at startup. Returns the loaded pack.
     */
    public static LoadedRulePack validateAndWrite(Path packFolder, Path classesDir) throws IOException {
        Path file = classesDir.resolve(FOLDER).resolve(packFolder.getFileName() + ".bin");
        Files.deleteIfExists(file);
        TreeMap<String, byte[]> files = new TreeMap<>();
        LoadedRulePack loaded = new RulePackLoader().load(PackSource.directory(packFolder), null, files);
        if (loaded.pack().hsCorrelation() != null) {
            return loaded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeUTF(loaded.pack().sha256());
            out.writeInt(files.size());
            for (String path : files.keySet()) {
                out.writeUTF(path);
            }
            byte[] digests = codeDigests(classesDir).getBytes(StandardCharsets.UTF_8);
            out.writeInt(digests.length);
            out.write(digests);
            PackCodec.write(loaded, out);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes.toByteArray());
        return loaded;
    }

    /**
     * The bundled pack {@code name} from its build-time file, checked against the bundled files in {@code source}; or why
     * not. Throws {@link RulePackException} when the bundled files are not those the file was made from.
     */
    public static Lookup read(String name, PackSource source, ClassLoader classLoader) {
        String resource = FOLDER + "/" + name + ".bin";
        byte[] whole;
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                return none("no pack validated at build time (" + resource + ")");
            }
            whole = in.readAllBytes();
        } catch (IOException e) {
            return none(resource + " cannot be read: " + e.getMessage());
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(whole))) {
            if (!FORMAT.equals(in.readUTF())) {
                return none(resource + " is of another format");
            }
            String sha256 = in.readUTF();
            int count = in.readInt();
            List<String> paths = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                paths.add(in.readUTF());
            }
            byte[] digests = new byte[in.readInt()];
            in.readFully(digests);
            Optional<String> changed = ClassFileDigests.firstChanged(new String(digests, StandardCharsets.UTF_8), classLoader);
            if (changed.isPresent()) {
                return none("the class " + changed.get() + " differs from the one the pack was validated with at build time");
            }
            String bundled = bundledSha256(paths, source);
            if (!sha256.equals(bundled)) {
                throw new RulePackException(name, List.of(resource + ": the rule pack validated at build time was made from files "
                        + "(sha256 " + sha256 + ") other than the bundled ones in " + source.describe() + " (" + bundled + "). Build "
                        + "the application again (mvn package), or set origincheck.rule-packs.validated-at-build=false to validate "
                        + "the bundled YAML at startup"));
            }
            LoadedRulePack loaded = PackCodec.read(in);
            if (!sha256.equals(loaded.pack().sha256())) {
                return none(resource + " holds a pack of another digest");
            }
            return new Lookup(Optional.of(loaded), "validated at build time (" + resource + ")");
        } catch (RulePackException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A file that does not read back as a pack (truncated, altered): the YAML is loaded and validated instead.
            return none(resource + " cannot be read: " + e);
        }
    }

    /** The SHA-256 of the bundled files as the loader computes it, or a sentence saying which one is missing. */
    private static String bundledSha256(List<String> paths, PackSource source) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        for (String path : paths) {
            try {
                files.put(path, source.read(path));
            } catch (IOException e) {
                return "the bundled file " + path + " cannot be read: " + e.getMessage();
            }
        }
        return RulePackLoader.sha256(files);
    }

    /** The classes whose bytes the loaded pack depends on: the domain, and the loader that reads and validates the YAML. */
    static boolean isPackCode(String resourceName) {
        if (!resourceName.endsWith(".class")) {
            return false;
        }
        if (resourceName.startsWith(DOMAIN)) {
            return true;
        }
        // The loader's package, without its beans and REST resources (Quarkus may rewrite a bean's bytes when it packages it).
        return resourceName.startsWith(LOADER) && !resourceName.startsWith(LOADER + "rest/")
                && !resourceName.startsWith(LOADER + "RulePackRegistry") && !resourceName.startsWith(LOADER + "ScenarioRegistry")
                && !resourceName.startsWith(LOADER + "RulePackConfig");
    }

    /** One line per class file of the pack's code under classesDir: its SHA-256 and its resource name, sorted by name. */
    static String codeDigests(Path classesDir) throws IOException {
        return ClassFileDigests.of(classesDir, List.of(DOMAIN, LOADER), BuildValidatedPack::isPackCode);
    }

    private static Lookup none(String why) {
        return new Lookup(Optional.empty(), why);
    }
}
