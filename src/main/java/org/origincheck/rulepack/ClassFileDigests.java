package org.origincheck.rulepack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The SHA-256 of class files, recorded when something is made at build time from them (the prebuilt Drools model, the pack
 * validated at build time) and compared at startup with the classes the service actually runs: what was made from other
 * bytes is not used. One line per class file, {@code <sha-256 hex> <resource name>}, sorted by name.
 * <p>
 * Both checks cover the domain's classes (about 220 files, 1 MB), so a class is read and hashed once per class loader and the
 * second check uses that digest: reading and hashing them cost 0.1-0.2 s of a cold start's main thread (docs/startup.md). The
 * digests are kept per class loader, so a test that hands in a loader with altered bytes gets them hashed anew.
 */
public final class ClassFileDigests {

    /** Class loader -> resource name -> SHA-256 of the bytes it gave; weakly, so a discarded loader (dev mode) is not kept. */
    private static final Map<ClassLoader, Map<String, String>> HASHED = Collections.synchronizedMap(new WeakHashMap<>());

    private ClassFileDigests() {
    }

    /** The lines for every file under {@code classesDir/<folder>} for each folder, whose resource name {@code include} accepts. */
    public static String of(Path classesDir, List<String> folders, Predicate<String> include) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String folder : folders) {
            try (Stream<Path> files = Files.walk(classesDir.resolve(folder))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = classesDir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                    if (include.test(name)) {
                        out.append(hex(Files.readAllBytes(file))).append(' ').append(name).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** The first class whose bytes on the class loader differ from its recorded digest (or cannot be read), if any. */
    public static Optional<String> firstChanged(String digests, ClassLoader classLoader) {
        for (String line : digests.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf(' ');
            String expected = line.substring(0, space);
            String name = line.substring(space + 1);
            Optional<String> actual = digest(name, classLoader);
            if (actual.isEmpty() || !expected.equals(actual.get())) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The SHA-256 of the resource as the class loader gives it, hashed once per loader; empty when it cannot be read. */
    private static Optional<String> digest(String name, ClassLoader classLoader) {
        Map<String, String> hashed = HASHED.computeIfAbsent(classLoader, loader -> new ConcurrentHashMap<>());
        String known = hashed.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        try (InputStream in = classLoader.getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            String digest = hex(in.readAllBytes());
            hashed.put(name, digest);
            return Optional.of(digest);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
