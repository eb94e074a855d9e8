package uk.caseqa.messaging.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an endpoint. Every handler of a service's API carries one: a handler without it is refused
 * to everyone (403), so a new endpoint is closed until someone decides who may use it. Who may act on which record
 * (the allocated auditor, the assigned moderator, the case's own service manager) is then checked by the use case.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allowed {

    AccessRole[] value();

    /** Also open to a machine client holding one of these scopes (client credentials), e.g. {@code board.read}. */
    String[] scopes() default {};
}
