package uk.caseqa.kafka.access;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import uk.caseqa.contracts.EventStream;

/**
 * {@code caseqa.council-topics.cases} and {@code caseqa.council-topics.staff}: the topics of a stream with a topic per
 * council, one per council this deployment serves ({@code caseqa.councils}), under {@code caseqa.topic-prefix},
 * comma-separated, as a binding's destination names several topics. Read when asked, so a prefix or a list of
 * councils set after start-up (a test's) is the one used.
 */
public final class CouncilTopics extends PropertySource<Object> implements EnvironmentPostProcessor, Ordered {

    public static final String PREFIX = "caseqa.council-topics.";
    static final String NAME = "caseqa-council-topics";

    // not the property source's 'source': Boot walks into a source that is an environment, which holds this again
    private final ConfigurableEnvironment environment;

    /** Registered in META-INF/spring.factories: every service's environment gets the property source. */
    public CouncilTopics() {
        super(NAME);
        this.environment = null;
    }

    private CouncilTopics(ConfigurableEnvironment environment) {
        super(NAME, new Object());
        this.environment = environment;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        addTo(environment);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    public static void addTo(ConfigurableEnvironment environment) {
        if (!environment.getPropertySources().contains(NAME)) {
            environment.getPropertySources().addLast(new CouncilTopics(environment));
        }
    }

    @Override
    public Object getProperty(String name) {
        if (!name.startsWith(PREFIX) || environment == null) {
            return null;
        }
        String streamName = name.substring(PREFIX.length()).toUpperCase(Locale.ROOT);
        EventStream stream;
        try {
            stream = EventStream.valueOf(streamName);
        } catch (IllegalArgumentException notAStream) {
            return null;
        }
        if (!stream.perCouncil()) {
            return null;
        }
        List<String> councils = Binder.get(environment).bind("caseqa.councils", Bindable.listOf(String.class))
                .orElse(List.of());
        if (councils.isEmpty()) {
            return null; // the placeholder that asked fails, naming the property
        }
        String prefix = environment.getProperty("caseqa.topic-prefix", "");
        return councils.stream().map(c -> prefix + stream.topicFor(c)).collect(Collectors.joining(","));
    }
}
