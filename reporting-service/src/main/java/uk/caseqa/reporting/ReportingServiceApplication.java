package uk.caseqa.reporting;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Board aggregates. Configuration: {@code reporting-service.yml}. */
@SpringBootApplication
public class ReportingServiceApplication {

    public static final String CONFIG_NAME = "reporting-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ReportingServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
