package uk.caseqa.concern;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Cases of concern and their deadlines. Configuration: {@code concern-service.yml}. */
@SpringBootApplication
public class ConcernServiceApplication {

    public static final String CONFIG_NAME = "concern-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ConcernServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
