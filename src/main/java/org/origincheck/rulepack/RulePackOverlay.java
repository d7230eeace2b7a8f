package org.origincheck.rulepack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A deployer's folder of product-specific rule files (the same format as a pack's {@code psr/} files) laid over a pack
 * when it loads: a rule whose id is a bundled rule's replaces it, any other rule is added, notes are added. Its files are
 * validated exactly like the pack's own, and are part of the pack's SHA-256 under {@code overlay/<file name>}, so every
 * determination names what it used (docs/rule-pack-overlay.md). One name is reserved: {@value #HS_EDITIONS} is not a rule file
 * but the pack's HS 2022 - HS 2017 correlation (the keys of {@code hsEditions} in {@code pack.yaml}, its table a file of this
 * folder), which takes the place of the bundled one (docs/hs-editions.md).
 *
 * @param folder where the files are, for messages
 * @param files the {@code *.yaml} files directly in the folder, by name, sorted
 */
public record RulePackOverlay(Path folder, List<String> files) {

    /** Where an overlay's files are, inside the pack: {@code overlay/chapter-64.yaml}. */
    static final String PREFIX = "overlay/";

    /**
     * The overlay's HS editions file. A reserved name rather than a key in a rule file, so that a deployer's correlation is one
     * file beside its table and a rule file never carries pack-wide settings.
     */
    public static final String HS_EDITIONS = "hs-editions.yaml";

    public RulePackOverlay {
        files = List.copyOf(files);
    }

    /**
     * The overlay in this folder. A folder that is missing, unreadable, or holds no YAML file at all is a
     * deployment mistake that would otherwise pass unnoticed: it stops the load.
     */
    public static RulePackOverlay directory(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new RulePackException("overlay " + folder, List.of(folder + ": the rule pack overlay folder does not exist or is not a folder"));
        }
        List<String> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new RulePackException("overlay " + folder, List.of(folder + ": the rule pack overlay folder cannot be read (" + e.getMessage() + ")"));
        }
        if (files.isEmpty()) {
            throw new RulePackException("overlay " + folder, List.of(folder + ": the rule pack overlay folder holds no .yaml file"));
        }
        return new RulePackOverlay(folder, files);
    }

    /** The files of product-specific rules: every YAML file but {@value #HS_EDITIONS}. */
    public List<String> productRuleFiles() {
        return files.stream().filter(f -> !f.equals(HS_EDITIONS)).toList();
    }

    /** Whether the overlay carries the HS 2022 - HS 2017 correlation ({@value #HS_EDITIONS}). */
    public boolean hasHsEditions() {
        return files.contains(HS_EDITIONS);
    }

    /** Reads {@code overlay/<name>} from the folder; nothing outside it. */
    PackSource source() {
        PackSource folderSource = PackSource.directory(folder);
        return new PackSource() {
            @Override
            public byte[] read(String relativePath) throws IOException {
                if (!relativePath.startsWith(PREFIX)) {
                    throw new IOException(relativePath + " is not an overlay file");
                }
                return folderSource.read(relativePath.substring(PREFIX.length()));
            }

            @Override
            public String describe() {
                return folder.toString();
            }
        };
    }
}
