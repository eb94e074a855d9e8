package uk.caseqa.messaging.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import uk.caseqa.messaging.inbound.Correlation;

/** Records every call a signed-in caller makes to a service's own API in the {@link AttributionLog}. */
final class AttributionInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AttributionInterceptor.class);
    private final AttributionLog attribution;
    private final CallerTokens tokens;

    AttributionInterceptor(AttributionLog attribution, CallerTokens tokens) {
        this.attribution = attribution;
        this.tokens = tokens;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(handler instanceof HandlerMethod method) || !SecuredEndpoints.isOurs(method)
                || SecuredEndpoints.isPublic(method)) {
            return;
        }
        Caller caller = tokens.callerOf(SecurityContextHolder.getContext().getAuthentication());
        if (caller == null) {
            return;
        }
        Map<String, String> identifiers = new TreeMap<>();
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map) {
            map.forEach((k, v) -> identifiers.put(String.valueOf(k), String.valueOf(v)));
        }
        request.getParameterMap().forEach((name, values) -> {
            if (identifying(name) && values.length > 0) {
                identifiers.put(name, values[0].length() > 200 ? values[0].substring(0, 200) : values[0]);
            }
        });
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        try {
            attribution.record(caller, request.getMethod(), route == null ? request.getRequestURI() : route.toString(),
                    identifiers, response.getStatus(), request.getRemoteAddr(),
                    response.getHeader(Correlation.HEADER));
        } catch (RuntimeException e) {
            // the request is answered already; the log line keeps the attribution (identifiers only)
            log.error("attribution not stored: {} {} {} by {} of {} from {}: {}", request.getMethod(), route,
                    identifiers, caller.staffId(), caller.council(), request.getRemoteAddr(), e.toString());
        }
    }

    /** Query parameters that identify a record or a scope; free text never. */
    static boolean identifying(String name) {
        return name.endsWith("Id") || name.equals("localAuthority") || name.equals("period") || name.equals("status")
                || name.equals("team") || name.equals("service");
    }
}
