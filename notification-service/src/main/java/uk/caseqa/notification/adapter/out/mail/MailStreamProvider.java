package uk.caseqa.notification.adapter.out.mail;

import jakarta.mail.util.StreamProvider;

/**
 * Jakarta Mail 2.1 looks up its stream provider again for every message, body part, multipart and block of headers it
 * makes or writes, with a {@link java.util.ServiceLoader} search of every jar on the class path
 * (jakartaee/mail-api#699 and #861, open): in the platform benchmark, a sixth of everything the embedded run allocated
 * at 50 submissions a second (our messages, and the embedded mail server's copies of them). The lookup reads a system
 * property first; named there once, the provider is made from its class, with no search.
 *
 * <p>It is named only when the system class loader loads that very class: the lookup tries the thread's context class
 * loader first and stops at an error, so the name must resolve from any thread. Run from Spring Boot's executable jar
 * (the container image), the provider lies in a nested jar the system loader cannot see: it is then left to the search,
 * as before. A name set by the operator is left as it is.
 */
final class MailStreamProvider {

    /** The property the lookup reads first: the provider interface's name. */
    static final String PROPERTY = StreamProvider.class.getName();

    private MailStreamProvider() {
    }

    /** Names the provider found by the search, once; true when this call named it. */
    static boolean nameOnce(ClassLoader system) {
        if (System.getProperty(PROPERTY) != null) {
            return false;
        }
        Class<?> found = StreamProvider.provider().getClass();
        try {
            if (Class.forName(found.getName(), false, system) != found) {
                return false;
            }
        } catch (ClassNotFoundException notVisible) {
            return false;
        }
        System.setProperty(PROPERTY, found.getName());
        return true;
    }
}
