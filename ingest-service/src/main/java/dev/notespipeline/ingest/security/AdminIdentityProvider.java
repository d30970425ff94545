package dev.notespipeline.ingest.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one administrator (HTTP Basic, user {@code admin}, role {@code admin}) whose password comes from
 * {@code pipeline.ingest.admin-password}, in practice the environment. Without a password nobody is an
 * administrator: the service still runs, and the admin endpoints refuse everyone.
 */
@ApplicationScoped
public class AdminIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final String ADMIN = "admin";

    private static final Logger LOG = Logger.getLogger(AdminIdentityProvider.class);

    private final Optional<byte[]> password;

    public AdminIdentityProvider(@ConfigProperty(name = "pipeline.ingest.admin-password") Optional<String> password) {
        this.password = password.filter(value -> !value.isBlank()).map(value -> value.getBytes(StandardCharsets.UTF_8));
        if (this.password.isEmpty()) {
            LOG.warn("pipeline.ingest.admin-password is not set: POST /api/ingest/rescan and the dead-letter endpoints refuse everyone");
        }
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        byte[] given = new String(request.getPassword().getPassword()).getBytes(StandardCharsets.UTF_8);
        // MessageDigest.isEqual takes the same time wherever the first difference is.
        boolean valid = password.filter(expected -> MessageDigest.isEqual(expected, given)).isPresent()
                && ADMIN.equals(request.getUsername());
        if (!valid) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(ADMIN))
                .addRole(ADMIN)
                .build());
    }
}
