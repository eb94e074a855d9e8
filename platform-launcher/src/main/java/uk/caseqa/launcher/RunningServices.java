package uk.caseqa.launcher;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the services as separate Spring Boot applications (own context, own port, own database) in this JVM, with
 * the properties given: the same properties a container or a process would get from its environment.
 */
public final class RunningServices implements PlatformServices {

    private final Map<PlatformService, ConfigurableApplicationContext> contexts = new EnumMap<>(PlatformService.class);
    private final java.time.Clock clock;

    private RunningServices(java.time.Clock clock) {
        this.clock = clock;
    }

    public static RunningServices start(Function<PlatformService, Map<String, Object>> properties) {
        return start(properties, null);
    }

    /**
     * The services with one clock they all read (a test's, moved to make deadlines fall due); null: the system
     * clock each service configures for itself.
     */
    public static RunningServices start(Function<PlatformService, Map<String, Object>> properties,
            java.time.Clock clock) {
        RunningServices running = new RunningServices(clock);
        for (PlatformService service : PlatformService.values()) {
            running.start(service, properties.apply(service));
        }
        return running;
    }

    public void start(PlatformService service, Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("spring.config.name", service.configName());
        // the launcher's own authorization server is on this classpath: no service becomes one too
        all.putIfAbsent("spring.autoconfigure.exclude", String.join(",",
                "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet"
                        + ".OAuth2AuthorizationServerAutoConfiguration",
                "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet"
                        + ".OAuth2AuthorizationServerJwtAutoConfiguration"));
        // as command-line arguments: they outrank the service's own configuration file, as environment variables do
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        SpringApplicationBuilder application = new SpringApplicationBuilder(service.application());
        if (clock != null) {
            application.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        }
        contexts.put(service, application.run(args));
    }

    public void stop(PlatformService service) {
        ConfigurableApplicationContext context = contexts.remove(service);
        if (context != null) {
            context.close();
        }
    }

    public ConfigurableApplicationContext context(PlatformService service) {
        return contexts.get(service);
    }

    @Override
    public String url(PlatformService service) {
        return "http://localhost:" + ((WebServerApplicationContext) contexts.get(service)).getWebServer().getPort();
    }

    @Override
    public void close() {
        java.util.List<PlatformService> started = new java.util.ArrayList<>(contexts.keySet());
        java.util.Collections.reverse(started);
        started.forEach(this::stop);
    }
}
