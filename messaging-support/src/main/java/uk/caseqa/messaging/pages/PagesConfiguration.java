package uk.caseqa.messaging.pages;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import uk.caseqa.messaging.security.CallerTokens;

/** The shared parts of every service's pages: the layout's model, the page errors, the links between services. */
@AutoConfiguration(after = uk.caseqa.messaging.security.SecurityConfiguration.class)
@org.springframework.context.annotation.Import(SignInPages.class)
public class PagesConfiguration {

    @Bean
    PageLinks pageLinks(Environment environment) {
        return PageLinks.from(environment);
    }

    @Bean
    PageAdvice pageAdvice(CallerTokens tokens, PageLinks links, Environment environment) {
        return new PageAdvice(tokens, links, environment);
    }
}
