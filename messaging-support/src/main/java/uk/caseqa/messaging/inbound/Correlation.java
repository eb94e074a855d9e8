package uk.caseqa.messaging.inbound;

import java.util.UUID;
import org.slf4j.MDC;

/** The correlation id of the work in hand: from the inbound event or HTTP request, carried by every event raised. */
public final class Correlation {

    public static final String MDC_KEY = "correlationId";
    public static final String HEADER = "X-Correlation-Id";

    private Correlation() {
    }

    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
