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
            if (name.equals("META-INF/services/" + MailStreamProvider.PROPERTY)) {
                searches.incrementAndGet();
            }
            return super.getResources(name);
        }
    }

    @BeforeEach
    void forgetTheName() {
        before = System.getProperty(MailStreamProvider.PROPERTY);
        System.clearProperty(MailStreamProvider.PROPERTY);
    }

    @AfterEach
    void restoreTheName() {
        if (before == null) {
            System.clearProperty(MailStreamProvider.PROPERTY);
        } else {
            System.setProperty(MailStreamProvider.PROPERTY, before);
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

        assertThat(MailStreamProvider.nameOnce(ClassLoader.getSystemClassLoader())).isTrue();
        assertThat(System.getProperty(MailStreamProvider.PROPERTY))
                .isEqualTo(jakarta.mail.util.StreamProvider.provider().getClass().getName());
        loader.searches.set(0);
        String named = written(loader);

        assertThat(loader.searches.get()).as("searches for one message once it is named").isZero();
        assertThat(named).contains("Subject: Case of concern coc-1 opened", "A safety plan is due within 24 hours.",
                "<p>A safety plan is due within 24 hours.</p>");
        assertThat(named.lines().count()).isEqualTo(unnamed.lines().count());
    }

    @Test
    void theProviderIsNotNamedWhereTheSystemLoaderCannotSeeIt() throws Exception {
        try (URLClassLoader bootstrapOnly = new URLClassLoader(new URL[0], null)) {
            assertThat(MailStreamProvider.nameOnce(bootstrapOnly)).isFalse();
        }
        assertThat(System.getProperty(MailStreamProvider.PROPERTY)).isNull();
        assertThat(written(getClass().getClassLoader())).contains("Subject: Case of concern coc-1 opened");
    }

    @Test
    void aNameTheOperatorSetIsLeftAsItIs() {
        String operators = jakarta.mail.util.StreamProvider.provider().getClass().getName();
        System.setProperty(MailStreamProvider.PROPERTY, operators);

        assertThat(MailStreamProvider.nameOnce(ClassLoader.getSystemClassLoader())).isFalse();
        assertThat(System.getProperty(MailStreamProvider.PROPERTY)).isSameAs(operators);
    }
}
