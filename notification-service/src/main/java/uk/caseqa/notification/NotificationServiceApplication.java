package uk.caseqa.notification;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Email alerts. Configuration: {@code notification-service.yml}. */
@SpringBootApplication
public class NotificationServiceApplication {

    public static final String CONFIG_NAME = "notification-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(NotificationServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
