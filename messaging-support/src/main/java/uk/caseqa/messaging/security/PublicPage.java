package uk.caseqa.messaging.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler that serves no record (a page's empty shell, whose data is fetched with a token): open to anyone. Its
 * paths must also be listed in {@code caseqa.security.public-paths}, which the filter chain reads.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicPage {
}
