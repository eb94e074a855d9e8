package uk.caseqa.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.caseqa.contracts.EventType;

/**
 * Every council's routes side by side. Checked when the service starts: each route names a published event type and
 * a served council, no council routes an event type twice, and every event type people act on has a route for every
 * council (its own or the {@code *} one).
 */
public final class RoutingTable {

    private final List<Route> routes;

    public RoutingTable(List<Route> routes, Set<String> councils) {
        this.routes = List.copyOf(routes);
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            try {
                EventType.ofName(route.event());
            } catch (RuntimeException unknown) {
                problems.add("route names unknown event type '" + route.event() + "'");
            }
            if (!route.council().equals(Route.ANY_COUNCIL) && !councils.contains(route.council())) {
                problems.add("route for " + route.event() + " names unknown council '" + route.council() + "' (served: "
                        + councils + ")");
            }
            if (route.reminder() != null) {
                try {
                    EventType type = EventType.ofName(route.event());
                    if (java.util.Arrays.stream(type.payloadType().getRecordComponents())
                            .noneMatch(c -> c.getName().equals(route.reminder().due()))) {
                        problems.add("reminder of " + route.event() + " names no field '" + route.reminder().due() + "'");
                    }
                    EventType.ofName(route.reminder().until());
                } catch (RuntimeException unknown) {
                    problems.add("reminder of " + route.event() + ": " + unknown.getMessage());
                }
            }
            if (routes.stream().filter(r -> r.council().equals(route.council()) && r.event().equals(route.event()))
                    .count() > 1) {
                problems.add("two routes for " + route.event() + " in " + route.council());
            }
        }
        for (EventType type : EventType.values()) {
            if (type.audience() == EventType.Audience.PEOPLE
                    && routes.stream().noneMatch(r -> r.council().equals(Route.ANY_COUNCIL)
                            && r.event().equals(type.typeName()))) {
                problems.add("no '*' route for " + type.typeName() + ", which people act on");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("caseqa.notification.routes: " + String.join("; ",
                    problems.stream().distinct().toList()));
        }
    }

    /** The council's own route for the event type, else the one for every council; empty if nobody is told. */
    public Optional<Route> routeFor(String council, String eventType) {
        return routes.stream().filter(r -> r.event().equals(eventType) && r.council().equals(council)).findFirst()
                .or(() -> routes.stream().filter(r -> r.event().equals(eventType)
                        && r.council().equals(Route.ANY_COUNCIL)).findFirst());
    }

    public List<Route> routes() {
        return routes;
    }
}
