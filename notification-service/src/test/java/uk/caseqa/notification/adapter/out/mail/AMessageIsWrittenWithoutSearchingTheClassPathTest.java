package uk.caseqa.notification.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Jakarta Mail searched the class path for its stream provider for each part of each message it made; named once, the
 * provider is made from its class. Counted by the thread's class loader, which the search asks first.
 */
class AMessageIsWrittenWithoutSearchingTheClassPathTest {

    private String before;

    /** A class loader that counts the searches for the stream provider's service file. */
    static final class CountingLoader extends ClassLoader {
        final AtomicInteger searches = new AtomicInteger();

        CountingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (name.equals("META-INF/services/" + StreamProviderNamedOnce.PROPERTY)) {
                searches.incrementAndGet();
            }
            return super.getResources(name);
        }
    }

    /** A loader that defines a class of the provider's name itself: another class than the one the lookup makes. */
    static final class OwnCopyOfTheProvider extends URLClassLoader {
        OwnCopyOfTheProvider(ClassLoader parent) {
            super(new URL[0], parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            String provider = jakarta.mail.util.StreamProvider.provider().getClass().getName();
            if (!name.equals(provider)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> defined = findLoadedClass(name);
                if (defined != null) {
                    return defined;
                }
                try (var bytes = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] code = bytes.readAllBytes();
                    return defineClass(name, code, 0, code.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }

    @BeforeEach
    void forgetTheName() {
        before = System.getProperty(StreamProviderNamedOnce.PROPERTY);
        System.clearProperty(StreamProviderNamedOnce.PROPERTY);
    }

    @AfterEach
    void restoreTheName() {
        if (before == null) {
            System.clearProperty(StreamProviderNamedOnce.PROPERTY);
        } else {
            System.setProperty(StreamProviderNamedOnce.PROPERTY, before);
        }
    }

    /** As SmtpMailer writes one: from, to, subject, text and HTML; then written out as it goes to the server. */
    static String written(ClassLoader threadLoader) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader was = thread.getContextClassLoader();
        thread.setContextClassLoader(threadLoader);
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom("qa@council.example");
            helper.setTo("service.manager@council.example");
            helper.setSubject("Case of concern coc-1 opened");
            helper.setText("A safety plan is due within 24 hours.", "<p>A safety plan is due within 24 hours.</p>");
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            thread.setContextClassLoader(was);
        }
    }

    @Test
    void onceTheProviderIsNamedAMessageIsWrittenWithNoSearch() throws Exception {
        CountingLoader loader = new CountingLoader(getClass().getClassLoader());
        String unnamed = written(loader);
        assertThat(loader.searches.get()).as("searches for one message before the provider is named").isPositive();

        assertThat(StreamProviderNamedOnce.name(getClass().getClassLoader())).isTrue();
        assertThat(System.getProperty(StreamProviderNamedOnce.PROPERTY))
                .isEqualTo(jakarta.mail.util.StreamProvider.provider().getClass().getName());
        loader.searches.set(0);
        String named = written(loader);

        assertThat(loader.searches.get()).as("searches for one message once it is named").isZero();
        assertThat(named).contains("Subject: Case of concern coc-1 opened", "A safety plan is due within 24 hours.",
                "<p>A safety plan is due within 24 hours.</p>");
        assertThat(unnamed).contains("Subject: Case of concern coc-1 opened");
        // a header longer than a line is folded, and the multipart boundary (a counter, a hash and the time) differs
        // in length from one message to the next: the parts are compared with folded headers joined
        assertThat(unfolded(named).lines().count()).as("the same message, part for part")
                .isEqualTo(unfolded(unnamed).lines().count());
    }

    static String unfolded(String message) {
        return message.replaceAll("\r?\n[ \t]+", " ");
    }

    /** Starts a mailer as a service's start does, on a thread whose context class loader is {@code loader}. */
    static void startAMailer(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader was = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            new SmtpMailer(new org.springframework.mail.javamail.JavaMailSenderImpl(), "qa@council.example", 1000,
                    1000, 1000);
        } finally {
            thread.setContextClassLoader(was);
        }
    }

    @Test
    void theMailerNamesItWithTheLoaderOfTheThreadThatStartsIt() throws Exception {
        // a starting thread whose loader cannot see the provider (as the system loader cannot, from Spring Boot's
        // executable jar, where the starting thread's loader is Spring Boot's own): not named
        try (URLClassLoader blind = new URLClassLoader(new URL[0], null)) {
            startAMailer(blind);
        }
        assertThat(System.getProperty(StreamProviderNamedOnce.PROPERTY)).isNull();

        startAMailer(getClass().getClassLoader());

        assertThat(System.getProperty(StreamProviderNamedOnce.PROPERTY))
                .isEqualTo(jakarta.mail.util.StreamProvider.provider().getClass().getName());
        CountingLoader loader = new CountingLoader(getClass().getClassLoader());
        written(loader);
        assertThat(loader.searches.get()).isZero();
    }

    @Test
    void theProviderIsNotNamedWhereTheApplicationsLoaderCannotSeeIt() throws Exception {
        try (URLClassLoader bootstrapOnly = new URLClassLoader(new URL[0], null)) {
            assertThat(StreamProviderNamedOnce.name(bootstrapOnly)).isFalse();
        }
        assertThat(StreamProviderNamedOnce.name(null)).isFalse();
        try (OwnCopyOfTheProvider ownCopy = new OwnCopyOfTheProvider(getClass().getClassLoader())) {
            assertThat(StreamProviderNamedOnce.name(ownCopy)).as("a loader with a class of that name of its own").isFalse();
        }
        assertThat(System.getProperty(StreamProviderNamedOnce.PROPERTY)).isNull();
        assertThat(written(getClass().getClassLoader())).contains("Subject: Case of concern coc-1 opened");
    }

    @Test
    void aNameTheOperatorSetIsLeftAsItIs() {
        String operators = jakarta.mail.util.StreamProvider.provider().getClass().getName();
        System.setProperty(StreamProviderNamedOnce.PROPERTY, operators);

        assertThat(StreamProviderNamedOnce.name(getClass().getClassLoader())).isFalse();
        assertThat(System.getProperty(StreamProviderNamedOnce.PROPERTY)).isSameAs(operators);
    }
}
