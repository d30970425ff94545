package dev.notespipeline.query.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * An RSA key made for one test run, standing in for an identity provider's signing key. It is kept in
 * {@code target/} so that the test profile (which gives the service the public key) and the test (which signs with
 * the private key) use the same one, whichever class loader reads it first.
 */
final class TestSigningKey {

    private static final Path PRIVATE = Path.of("target/sign-in-test-key.der");
    private static final Path PUBLIC = Path.of("target/sign-in-test-key.pub.der");

    private TestSigningKey() {
    }

    static synchronized KeyPair keyPair() {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!Files.exists(PRIVATE) || !Files.exists(PUBLIC)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.createDirectories(PRIVATE.getParent());
                Files.write(PUBLIC, pair.getPublic().getEncoded());
                Files.write(PRIVATE, pair.getPrivate().getEncoded());
            }
            return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(PUBLIC))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(PRIVATE))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the test signing key", e);
        }
    }
}
