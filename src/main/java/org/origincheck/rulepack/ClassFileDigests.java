package org.origincheck.rulepack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The SHA-256 of class files, recorded when something is made at build time from them (the prebuilt Drools model, the pack
 * validated at build time) and compared at startup with the classes the service actually runs: what was made from other
 * bytes is not used. One line per class file, {@code <sha-256 hex> <resource name>}, sorted by name.
 */
public final class ClassFileDigests {

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
            try (InputStream in = classLoader.getResourceAsStream(name)) {
                if (in == null || !expected.equals(hex(in.readAllBytes()))) {
                    return Optional.of(name);
                }
            } catch (IOException e) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
