package org.origincheck.rulepack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The class files checked at startup by the prebuilt Drools model and by the pack validated at build time are read and hashed
 * once per class loader (both checks cover the domain), and a loader giving other bytes is still caught.
 */
class ClassFileDigestsTest {

    private static final ClassLoader APPLICATION = ClassFileDigestsTest.class.getClassLoader();

    @Test
    void aSecondCheckOnTheSameLoaderReadsNoClassFileAgain() throws IOException {
        String digests = ClassFileDigests.of(Path.of("target/classes"), List.of("org/origincheck/domain/"), name -> name.endsWith(".class"));
        CountingLoader loader = new CountingLoader(APPLICATION, null);

        assertThat(ClassFileDigests.firstChanged(digests, loader)).isEmpty();
        int files = digests.split("\n").length;
        assertThat(loader.reads.values()).hasSize(files).allMatch(n -> n.get() == 1);

        assertThat(ClassFileDigests.firstChanged(digests, loader)).isEmpty();
        assertThat(loader.reads.values()).as("each class file read once for both checks").allMatch(n -> n.get() == 1);
    }

    @Test
    void aLoaderWithOtherBytesIsCaughtEvenAfterTheApplicationsClassesWereHashed() throws IOException {
        String digests = ClassFileDigests.of(Path.of("target/classes"), List.of("org/origincheck/domain/"), name -> name.endsWith(".class"));
        assertThat(ClassFileDigests.firstChanged(digests, APPLICATION)).isEmpty();
        String changed = "org/origincheck/domain/hs/HsRange.class";
        assertThat(ClassFileDigests.firstChanged(digests, new CountingLoader(APPLICATION, changed))).contains(changed);
        assertThat(ClassFileDigests.firstChanged(digests, APPLICATION)).isEmpty();
    }

    /** Counts the reads of each resource; gives other bytes for {@code altered}. */
    private static final class CountingLoader extends ClassLoader {
        final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
        private final String altered;

        CountingLoader(ClassLoader parent, String altered) {
            super(parent);
            this.altered = altered;
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            reads.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            return name.equals(altered) ? new ByteArrayInputStream(new byte[] {1, 2, 3}) : super.getResourceAsStream(name);
        }
    }
}
