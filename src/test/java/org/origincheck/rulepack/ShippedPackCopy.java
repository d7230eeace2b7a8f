package org.origincheck.rulepack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the shipped pack (rules/usmca) for a test that changes a file of it: the shipped files are never touched. */
public final class ShippedPackCopy {

    private static final Path SHIPPED = Path.of("rules/usmca");

    private ShippedPackCopy() {
    }

    /** Copies every file of the shipped pack into {@code folder}, which becomes the copy's root; returns {@code folder}. */
    public static Path into(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(SHIPPED)) {
            for (Path from : files.toList()) {
                Path to = folder.resolve(SHIPPED.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return folder;
    }
}
