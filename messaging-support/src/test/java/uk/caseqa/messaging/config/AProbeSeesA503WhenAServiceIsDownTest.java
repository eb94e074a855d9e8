package uk.caseqa.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.health.actuate.endpoint.SimpleHttpCodeStatusMapper;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The services' health status mapping (caseqa-defaults.yml): WARNING, work waiting for a person, is served as 200;
 * DOWN and OUT_OF_SERVICE stay 503, which a mapping that names WARNING alone would have turned into 200.
 */
class AProbeSeesA503WhenAServiceIsDownTest {

    @Test
    void downAndOutOfServiceAre503AndAWarningIsStillServed() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("defaults", new ClassPathResource("caseqa-defaults.yml"))
                .forEach(environment.getPropertySources()::addLast);
        Map<String, Integer> mapping = Binder.get(environment).bind("management.endpoint.health.status.http-mapping",
                Bindable.mapOf(String.class, Integer.class)).get();

        SimpleHttpCodeStatusMapper probe = new SimpleHttpCodeStatusMapper(mapping);

        assertThat(probe.getStatusCode(Status.DOWN)).isEqualTo(503);
        assertThat(probe.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
        assertThat(probe.getStatusCode(new Status("WARNING"))).isEqualTo(200);
        assertThat(probe.getStatusCode(Status.UP)).isEqualTo(200);
    }
}
