package uk.caseqa.messaging.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
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
            map.forEach((k, v) -> identifiers.put(String.valueOf(k), bounded(String.valueOf(v))));
        }
        // the query string only: a form-encoded body's fields are parameters too, and a body is never recorded
        UriComponentsBuilder.fromUriString("?" + (request.getQueryString() == null ? "" : request.getQueryString()))
                .build().getQueryParams().forEach((name, values) -> {
                    if (identifying(name) && !values.isEmpty() && values.get(0) != null) {
                        identifiers.put(name, bounded(UriUtils.decode(values.get(0), StandardCharsets.UTF_8)));
                    }
                });
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        // an exception no handler answered is a 500 the container writes after this
        int status = ex != null && response.getStatus() < 400 ? 500 : response.getStatus();
        try {
            attribution.record(caller, request.getMethod(), route == null ? request.getRequestURI() : route.toString(),
                    identifiers, status, request.getRemoteAddr(), response.getHeader(Correlation.HEADER));
        } catch (RuntimeException e) {
            // the request is answered already; the log line keeps the attribution (identifiers only)
            log.error("attribution not stored: {} {} {} by {} of {} from {}: {}", request.getMethod(), route,
                    identifiers, caller.staffId(), caller.council(), request.getRemoteAddr(), e.toString());
        }
    }

    /** An identifier as recorded: at most {@value #LONGEST} characters, so no free text fits in the log. */
    static final int LONGEST = 100;

    static String bounded(String value) {
        return value.length() > LONGEST ? value.substring(0, LONGEST) + "..." : value;
    }

    /** Query parameters that identify a record or a scope; free text never. */
    static boolean identifying(String name) {
        return name.endsWith("Id") || name.equals("localAuthority") || name.equals("period") || name.equals("status")
                || name.equals("team") || name.equals("service");
    }
}
