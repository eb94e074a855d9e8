package uk.caseqa.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test context the shared Kafka broker and MongoDB server ({@link Infrastructure#shared()}) as
 * properties of that context only, with its own database and its own topic prefix so contexts never cross wires.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface WithRealInfrastructure {

    /**
     * Tokens come from the shared {@link LocalIdentity} (Spring Authorization Server, as the embedded run's), and the
     * pages sign people in there, rather than from the {@link TestIssuer}: for the browser tests.
     */
    boolean localIdentity() default false;
}
