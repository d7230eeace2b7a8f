package org.origincheck.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In the dev and test profiles, when no identity provider is configured (no
 * {@code mp.jwt.verify.publickey.location}), makes an RSA key pair for this JVM only: the public key
 * verifies bearer tokens, the private key signs the tokens of the dev sign-in (and of the tests). No key
 * is ever written to disk or committed, and the prod profile never gets one: there, tokens can only come
 * from the configured identity provider.
 */
public class DevSigningKeyConfigSourceFactory implements ConfigSourceFactory {

    public static final String ISSUER = "https://origincheck.local/dev-sign-in";
    public static final String AUDIENCE = "origincheck";
    private static final String PUBLIC = "origincheck.dev-signing.public";
    private static final String PRIVATE = "origincheck.dev-signing.private";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue configured = context.getValue("mp.jwt.verify.publickey.location");
        if (configured != null && configured.getValue() != null && !configured.getValue().isBlank()) {
            return List.of();
        }
        List<String> profiles = context.getProfiles();
        if (!(profiles.contains("dev") || profiles.contains("test"))) {
            return List.of();
        }
        String[] keys = keys();
        return List.of(new PropertiesConfigSource(Map.of(
                "mp.jwt.verify.publickey", keys[0],
                "mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", AUDIENCE,
                "smallrye.jwt.sign.key", keys[1],
                "smallrye.jwt.new-token.issuer", ISSUER,
                "origincheck.dev-sign-in.available", "true"), "dev-signing-key", 200));
    }

    /** One key pair per JVM, shared by every class loader Quarkus configures from (see EmbeddedPostgresConfigSourceFactory). */
    private static synchronized String[] keys() {
        if (System.getProperty(PUBLIC) == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                System.setProperty(PUBLIC, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                System.setProperty(PRIVATE, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return new String[] {System.getProperty(PUBLIC), System.getProperty(PRIVATE)};
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----";
    }
}
