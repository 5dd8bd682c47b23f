package dev.billfold.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A real OIDC provider for the browser tests (mock-oauth2-server with its interactive login page), started once per
 * JVM before the production app, which gets it as its client registration "e2e".
 */
final class IdentityProvider {

    static final String ISSUER_ID = "e2e";
    static final String REGISTRATION = "e2e";
    static final String CLIENT_NAME = "E2E Identity";

    private static IdentityProvider running;

    private final MockOAuth2Server server;

    private IdentityProvider(MockOAuth2Server server) {
        this.server = server;
    }

    static synchronized IdentityProvider get() {
        if (running == null) {
            var server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":true}"));
            server.start();
            running = new IdentityProvider(server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "billfold-e2e-idp-stop"));
        }
        return running;
    }

    String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** Spring arguments that register this provider with the app. */
    List<String> appArguments() {
        String registration = "--spring.security.oauth2.client.registration." + REGISTRATION;
        return List.of(
                "--spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri=" + issuer(),
                registration + ".client-id=billfold-e2e",
                registration + ".client-secret=e2e-secret",
                registration + ".scope=openid,profile,email",
                registration + ".client-name=" + CLIENT_NAME);
    }

    /** The paths the provider was asked for since the last call (it records every request, so none are waited for). */
    List<String> requestedPaths() {
        List<String> paths = new ArrayList<>();
        while (true) {
            try {
                RecordedRequest request = server.takeRequest(10, TimeUnit.MILLISECONDS);
                paths.add(request.getPath());
            } catch (RuntimeException emptyQueue) {
                // the server throws instead of returning null once its queue is empty
                return paths;
            }
        }
    }
}
