package uk.caseqa.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * A service's own YAML file (e.g. {@code concern-service.yml}) bound as the service binds it, strictly (a key its
 * type lacks fails), for tests that run the councils' real profiles without a Spring context.
 */
public final class ServiceConfiguration {

    private final StandardEnvironment environment = new StandardEnvironment();
    private final Binder binder;

    private ServiceConfiguration(String fileOnClasspath) throws IOException {
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        environment.getPropertySources().addFirst(yaml.load(fileOnClasspath,
                new ClassPathResource(fileOnClasspath)).get(0));
        ClassPathResource defaults = new ClassPathResource("caseqa-defaults.yml");
        if (defaults.exists()) {
            environment.getPropertySources().addLast(yaml.load("caseqa-defaults.yml", defaults).get(0));
        }
        binder = new Binder(ConfigurationPropertySources.get(environment));
    }

    public static ServiceConfiguration of(String fileOnClasspath) {
        try {
            return new ServiceConfiguration(fileOnClasspath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at {@code prefix}; fails the test when the file has none, or a key the type does not have. */
    public <T> T bind(String prefix, Bindable<T> type) {
        return binder.bind(prefix, type, new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
                .orElseThrow(() -> new IllegalStateException("nothing configured at " + prefix));
    }

    /** The file and the shared defaults as the service's environment sees them. */
    public StandardEnvironment environment() {
        return environment;
    }
}
