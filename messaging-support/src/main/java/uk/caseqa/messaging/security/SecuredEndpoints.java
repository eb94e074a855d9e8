package uk.caseqa.messaging.security;

import org.springframework.web.method.HandlerMethod;

/** Which handlers the services' own access rules apply to: theirs, not the framework's (errors, API docs). */
public final class SecuredEndpoints {

    private SecuredEndpoints() {
    }

    public static boolean isOurs(HandlerMethod method) {
        return method.getBeanType().getName().startsWith("uk.caseqa.");
    }

    public static boolean isPublic(HandlerMethod method) {
        return method.hasMethodAnnotation(PublicPage.class);
    }
}
