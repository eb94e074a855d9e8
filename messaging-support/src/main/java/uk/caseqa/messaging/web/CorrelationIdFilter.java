package uk.caseqa.messaging.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.caseqa.messaging.inbound.Correlation;

/** Takes the caller's {@code X-Correlation-Id} (or makes one), logs with it and echoes it in the response. */
public class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(Correlation.HEADER);
        String id = given != null && given.matches("[A-Za-z0-9._:-]{1,100}") ? given : UUID.randomUUID().toString();
        response.setHeader(Correlation.HEADER, id);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(Correlation.MDC_KEY, id)) {
            chain.doFilter(request, response);
        }
    }
}
