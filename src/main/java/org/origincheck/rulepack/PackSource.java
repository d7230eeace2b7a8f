package org.origincheck.rulepack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where a pack's files are read from: the application's classpath (the shipped packs) or a folder. */
public interface PackSource {

    byte[] read(String relativePath) throws IOException;

    String describe();

    static PackSource classpath(String root, ClassLoader loader) {
        return new PackSource() {
            @Override
            public byte[] read(String relativePath) throws IOException {
                String resource = root + "/" + relativePath;
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new NoSuchFileException(resource);
                    }
                    return in.readAllBytes();
                }
            }

            @Override
            public String describe() {
                return "classpath:" + root;
            }
        };
    }

    static PackSource directory(Path root) {
        return new PackSource() {
            @Override
            public byte[] read(String relativePath) throws IOException {
                Path file = root.resolve(relativePath).normalize();
                if (!file.startsWith(root.normalize())) {
                    throw new IOException(relativePath + " points outside the pack folder");
                }
                return Files.readAllBytes(file);
            }

            @Override
            public String describe() {
                return root.toString();
            }
        };
    }
}
