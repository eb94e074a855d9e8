package uk.caseqa.notification.config;

import java.util.HashSet;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import uk.caseqa.notification.application.NotificationSettings;
import uk.caseqa.notification.domain.RoutingTable;

/** Binds {@code caseqa.notification} and checks it at start-up: a misspelt event, council or party stops the service. */
@Configuration
class NotificationConfiguration {

    @Bean
    NotificationSettings notificationSettings(Environment environment) {
        return Binder.get(environment).bind("caseqa.notification", Bindable.of(NotificationSettings.class))
                .orElseThrow(() -> new IllegalStateException("caseqa.notification is not configured"));
    }

    @Bean
    RoutingTable routingTable(NotificationSettings settings) {
        return new RoutingTable(settings.routes(), new HashSet<>(settings.councils()));
    }
}
