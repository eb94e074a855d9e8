package uk.caseqa.moderation;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Moderation of completed audits. Configuration: {@code moderation-service.yml}. */
@SpringBootApplication
public class ModerationServiceApplication {

    public static final String CONFIG_NAME = "moderation-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ModerationServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
