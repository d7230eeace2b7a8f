package org.origincheck.rulepack.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.DescribedProvisions;
import org.origincheck.domain.rules.Question;

/**
 * Materials described by their components: "assemblies incorporating more than one of the following: compressor, condenser,
 * evaporator, connecting tubing" (GN 11(o) 8415.10, 8415.20-8415.83, 8418.10-8418.21, 8418.29), "door assemblies incorporating
 * more than one of the following: inner panel, outer panel, insulation, hinges, handles of subheading 8418.99" (8418.29),
 * "washer assemblies incorporating more than one of the following: agitator, motor, transmission, clutch" (8450.11-8450.20).
 *
 * <p>Unlike "more than one of the following: (A) subheadings ..." ({@link MoreThanOneOfExceptions}) the list names components,
 * not HS provisions: whether a material is such an assembly is a fact only the producer can state, so it is a material
 * declaration ({@code materials[].declarations}), asked with the law's words. With provisions after the list ("... handles of
 * subheading 8418.99") it is asked only of materials classified there; without any, the text names no classification, so it
 * is asked of any non-originating material whose answer could change the result (the engine tries both answers first).
 *
 * <p>The list is plain lower-case component names separated by ", "; it ends before " of &lt;provisions&gt;", " or ", ", whether",
 * ", provided", ", except", "; " or the end of the alternative. Anything else is not read.
 */
final class ComponentAssemblies {

    /** Every chapter: the materials a description without provisions may be. */
    static final HsRange ANY_MATERIAL = new HsRange(HsLevel.CHAPTER, "01", "97");

    private static final Pattern OPENING = Pattern.compile("((?:[a-z]+ )?assemblies) incorporating more than one of the following: ");
    private static final Pattern COMPONENT = Pattern.compile("[a-z][a-z-]*(?: [a-z][a-z-]*)*?(?=, | of (?:chapter|heading|subheading|tariff item)s? \\d| or |; |$)");
    private static final List<String> NOT_A_COMPONENT = List.of("whether", "provided", "except", "or", "any", "from", "and");

    /** What was read: the described materials and where the text after them begins. */
    record Read(DescribedProvisions materials, int end) {
    }

    private ComponentAssemblies() {
    }

    static boolean startsAt(String text, int pos) {
        return OPENING.matcher(text).region(pos, text.length()).lookingAt();
    }

    /** The assemblies described at {@code pos}, or empty when the words there are not in this form. */
    static Optional<Read> read(String text, int pos) {
        Matcher opening = OPENING.matcher(text).region(pos, text.length());
        if (!opening.lookingAt()) {
            return Optional.empty();
        }
        int at = opening.end();
        int components = 0;
        while (true) {
            Matcher component = COMPONENT.matcher(text).region(at, text.length());
            if (!component.lookingAt() || NOT_A_COMPONENT.contains(component.group().split(" ")[0])) {
                break;
            }
            components++;
            at = component.end();
            if (text.startsWith(", ", at) && !startsClause(text, at + 2)) {
                at += 2;
                continue;
            }
            break;
        }
        if (components < 2) {
            return Optional.empty();
        }
        String listWords = text.substring(pos, at);
        if (text.startsWith(" of ", at)) {
            PsrTextParser.ProvisionsAt named = PsrTextParser.provisionsAt(text, at + " of ".length());
            if (named == null) {
                return Optional.empty();
            }
            String words = text.substring(pos, named.end());
            return Optional.of(new Read(new DescribedProvisions(named.ranges(), PsrTextParser.question(named.ranges(), listWords, words), true),
                    named.end()));
        }
        return Optional.of(new Read(new DescribedProvisions(List.of(ANY_MATERIAL), question(listWords), true), at));
    }

    private static boolean startsClause(String text, int at) {
        String rest = text.substring(at);
        return NOT_A_COMPONENT.stream().anyMatch(word -> rest.startsWith(word + " "));
    }

    /** "material:" and the words as a slug, cut to 80 characters with a digest of the words (as PsrTextParser's ids). */
    static Question question(String words) {
        String slug = words.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String id = "material:" + slug;
        if (id.length() > 80) {
            String digest = sha256(words).substring(0, 8);
            String cut = id.substring(0, 80 - digest.length() - 1);
            int hyphen = cut.lastIndexOf('-');
            if (hyphen > "material:".length()) {
                cut = cut.substring(0, hyphen);
            }
            id = cut + "-" + digest;
        }
        return new Question(id, words);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
