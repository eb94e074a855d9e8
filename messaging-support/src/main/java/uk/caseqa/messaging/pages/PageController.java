package uk.caseqa.messaging.pages;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller of pages people act on, under {@code /pages/}: rendered with the shared layout (GOV.UK Frontend
 * styles, the signed-in person, sign-out), its refusals and errors shown as pages ({@link PageAdvice}) rather than
 * problem details. Its handlers name their roles with {@code @Allowed}, as the API's do.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Controller
public @interface PageController {
}
