package uk.caseqa.audit;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Case and staff registry, audit allocation and completion. Configuration: {@code audit-service.yml}. */
@SpringBootApplication
public class AuditServiceApplication {

    public static final String CONFIG_NAME = "audit-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(AuditServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
