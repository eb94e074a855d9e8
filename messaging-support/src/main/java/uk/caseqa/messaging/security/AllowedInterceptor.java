package uk.caseqa.messaging.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Enforces {@link Allowed} on the services' own handlers; one without it is closed to everyone. */
final class AllowedInterceptor implements HandlerInterceptor {

    private final CallerTokens tokens;

    AllowedInterceptor(CallerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !SecuredEndpoints.isOurs(method)) {
            return true;
        }
        if (SecuredEndpoints.isPublic(method)) {
            return true;
        }
        Allowed allowed = method.getMethodAnnotation(Allowed.class);
        if (allowed == null) {
            throw new AccessDeniedException("this endpoint is not open to any role yet");
        }
        Caller caller = tokens.callerOf(SecurityContextHolder.getContext().getAuthentication());
        if (caller == null) {
            throw new AccessDeniedException("no caller");
        }
        boolean byRole = Arrays.stream(allowed.value()).anyMatch(caller::has);
        boolean byScope = Arrays.stream(allowed.scopes()).anyMatch(caller.scopes()::contains);
        if (!byRole && !byScope) {
            throw new AccessDeniedException("open to " + Arrays.toString(allowed.value())
                    + (allowed.scopes().length == 0 ? "" : " or scopes " + Arrays.toString(allowed.scopes())));
        }
        return true;
    }
}
