package uk.caseqa.notification.application;

import java.util.List;
import java.util.Map;
import uk.caseqa.notification.domain.Party;
import uk.caseqa.notification.domain.Route;

/**
 * notification-service's data ({@code caseqa.notification}): the councils served, each council's routes, who is
 * looked for when a post is vacant, and how each council takes routine messages (at once, or in a daily or weekly
 * digest).
 */
public record NotificationSettings(List<String> councils, List<Route> routes, Map<Party, Party> vacancyFallback,
        Map<String, Digest> digests, Map<String, String> councilNames) {

    /** How a council's routine messages reach people. */
    public enum Digest { NONE, DAILY, WEEKLY }

    public NotificationSettings {
        councils = councils == null ? List.of() : List.copyOf(councils);
        routes = routes == null ? List.of() : List.copyOf(routes);
        vacancyFallback = vacancyFallback == null ? Map.of() : Map.copyOf(vacancyFallback);
        digests = digests == null ? Map.of() : Map.copyOf(digests);
        councilNames = councilNames == null ? Map.of() : Map.copyOf(councilNames);
        if (councils.isEmpty()) {
            throw new IllegalArgumentException("caseqa.notification.councils: name the councils served");
        }
        for (String council : digests.keySet()) {
            if (!council.equals(Route.ANY_COUNCIL) && !councils.contains(council)) {
                throw new IllegalArgumentException("caseqa.notification.digests names unknown council '" + council + "'");
            }
        }
    }

    /** The council's name as its staff know it ("Bolton Council"); its identifier where none is configured. */
    public String nameOf(String council) {
        return councilNames.getOrDefault(council, council);
    }

    public Digest digestOf(String council) {
        return digests.getOrDefault(council, digests.getOrDefault(Route.ANY_COUNCIL, Digest.NONE));
    }
}
