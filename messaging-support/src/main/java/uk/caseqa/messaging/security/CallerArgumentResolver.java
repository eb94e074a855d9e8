package uk.caseqa.messaging.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** A handler parameter of type {@link Caller} is the signed-in caller, from their token. */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final CallerTokens tokens;

    CallerArgumentResolver(CallerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Caller caller = tokens.callerOf(SecurityContextHolder.getContext().getAuthentication());
        if (caller == null) {
            throw new AuthenticationCredentialsNotFoundException("no token");
        }
        return caller;
    }
}
