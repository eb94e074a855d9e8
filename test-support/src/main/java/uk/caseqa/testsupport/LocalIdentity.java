package uk.caseqa.testsupport;

import uk.caseqa.identity.LocalAuthorizationServer;

/**
 * The local authorization server of the embedded run, started once per test JVM on a free port: the browser tests'
 * people sign in on its page, as they would on the council's identity provider.
 */
public final class LocalIdentity {

    private static LocalAuthorizationServer shared;

    private LocalIdentity() {
    }

    public static synchronized LocalAuthorizationServer shared() {
        if (shared == null) {
            shared = LocalAuthorizationServer.start(0, "test-identity");
        }
        return shared;
    }
}
