package uk.caseqa.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * A service's own YAML file (e.g. {@code concern-service.yml}) bound as the service binds it, for tests that run the
 * councils' real profiles without a Spring context.
 */
public final class ServiceConfiguration {

    private final Binder binder;

    private ServiceConfiguration(Binder binder) {
        this.binder = binder;
    }

    public static ServiceConfiguration of(String fileOnClasspath) {
        try {
            return new ServiceConfiguration(new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader()
                    .load(fileOnClasspath, new ClassPathResource(fileOnClasspath)).get(0))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at {@code prefix}; fails the test when the file has none. */
    public <T> T bind(String prefix, Bindable<T> type) {
        return binder.bind(prefix, type).orElseThrow(() -> new IllegalStateException("nothing configured at " + prefix));
    }
}
