package uk.caseqa.testsupport;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one replica of a service on the shared infrastructure, with the test's clock, for tests that stop, restart
 * or double a service. Replicas started with the same {@code isolation} share topics, consumer groups and database.
 */
public final class ServiceReplica {

    private ServiceReplica() {
    }

    public static ConfigurableApplicationContext start(Class<?> application, String configName, String isolation,
            Clock clock, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(TestIsolation.properties(Infrastructure.shared(), isolation));
        properties.put("server.port", 0);
        properties.put("spring.config.name", configName);
        properties.putAll(extra);
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(application)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock)).run(args);
    }
}
