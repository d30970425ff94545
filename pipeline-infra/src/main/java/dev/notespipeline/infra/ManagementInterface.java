package dev.notespipeline.infra;

import io.quarkus.test.common.http.TestHTTPResourceManager;

/**
 * Where a Quarkus test reaches the service's management interface (health, metrics, OpenAPI), which listens on a
 * port of its own, apart from the public one.
 */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    /** The interface's root, {@code http://host:port}, to which the usual paths ({@code /q/health}) are relative. */
    public static String baseUri() {
        return TestHTTPResourceManager.getManagementUri().replaceFirst("/q/?$", "");
    }
}
