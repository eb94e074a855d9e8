package uk.caseqa.notification.adapter.out.mail;

import jakarta.mail.util.StreamProvider;

/**
 * Jakarta Mail 2.1 looks up its stream provider again for every message, body part, multipart and block of headers it
 * makes or writes, with a {@link java.util.ServiceLoader} search of every jar the class loader sees (jakartaee/mail-api
 * #861, open; the rework of #699 is for 2.2): in the platform benchmark, a sixth of everything the platform's JVM
 * allocated at 50 submissions a second (our messages, and the embedded mail server's parse of each one it received).
 * The lookup reads a system property first; named there once, the provider is made from its class, with no search.
 *
 * <p>The lookup tries the thread's context class loader first, and an error there is not a miss: it fails the message.
 * So the provider is named only when both the application's class loader (the context loader of the thread that starts
 * the service; the threads the service starts inherit it: dispatch, listeners, schedules; in the embedded run, the
 * launcher's mail server threads too, started by the same main thread) and the API's own loader load that very class.
 * That holds from a class path and from Spring Boot's executable jar ({@code ./run-platform}, the container image)
 * alike. A thread whose context loader cannot see the application's classes would now fail to make a message: on JDK
 * 17 that is the common {@code ForkJoinPool}'s threads (the system loader) in an executable jar, so no mail may be made
 * there ({@code CompletableFuture.runAsync} without an executor, parallel streams); none is. A name the operator set is
 * kept, and a provider that cannot be found leaves everything as it was, for each message to report.
 */
final class StreamProviderNamedOnce {

    /** The property the lookup reads first: the provider interface's name. */
    static final String PROPERTY = StreamProvider.class.getName();

    private StreamProviderNamedOnce() {
    }

    /** Names the provider the search finds, once; true when this call named it. */
    static boolean name(ClassLoader application) {
        if (System.getProperty(PROPERTY) != null) {
            return false;
        }
        try {
            Class<?> found = StreamProvider.provider().getClass();
            if (!loads(application, found) || !loads(StreamProvider.class.getClassLoader(), found)) {
                return false;
            }
            System.setProperty(PROPERTY, found.getName());
            return true;
        } catch (RuntimeException noProvider) {
            return false;
        }
    }

    private static boolean loads(ClassLoader loader, Class<?> found) {
        try {
            return Class.forName(found.getName(), false, loader) == found;
        } catch (ClassNotFoundException notVisible) {
            return false;
        }
    }
}
