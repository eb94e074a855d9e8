package uk.caseqa.messaging.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.core.env.Environment;

/**
 * The councils' policy profiles, read strictly at start-up: a misspelt key, an impossible value, a council that is not
 * one of {@code caseqa.councils}, or a council left without its own profile stops the service with a message naming
 * the entry, instead of a silent fall-back to a default (the {@code *} profile serves councils with no framework of
 * their own, never a misspelt one).
 */
public final class CouncilProfiles {

    /** Stands for any council without a profile of its own. */
    public static final String ANY_COUNCIL = "*";

    private CouncilProfiles() {
    }

    /** The list at {@code name}; every key of every entry must be one its type has. */
    public static <T> List<T> bind(Environment environment, String name, Class<T> type) {
        try {
            return Binder.get(environment).bind(name, Bindable.listOf(type),
                            new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
                    .orElseThrow(() -> new IllegalStateException(name + " is empty: the councils' profiles are needed"));
        } catch (BindException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new IllegalStateException("cannot start: " + name + " is not valid: " + e.getMessage() + ": "
                    + root.getMessage(), e);
        }
    }

    /** The councils this deployment serves ({@code caseqa.councils}). */
    public static Set<String> councils(Environment environment) {
        List<String> councils = Binder.get(environment).bind("caseqa.councils", Bindable.listOf(String.class))
                .orElseThrow(() -> new IllegalStateException("caseqa.councils is empty: name the councils served"));
        return new TreeSet<>(councils);
    }

    /**
     * Every profile names a council served (or {@code *}), and every council served has its own: a council missing
     * here would quietly run the default framework instead of its own.
     */
    public static <T> List<T> requireCouncils(String name, List<T> profiles, Function<T, String> councilOf,
            Set<String> served) {
        return check(name, profiles, councilOf, served, true);
    }

    /** Every entry names a council served, or {@code *}; a council may have none of its own (templates). */
    public static <T> List<T> requireKnown(String name, List<T> entries, Function<T, String> councilOf,
            Set<String> served) {
        return check(name, entries, councilOf, served, false);
    }

    private static <T> List<T> check(String name, List<T> profiles, Function<T, String> councilOf, Set<String> served,
            boolean eachHasItsOwn) {
        List<String> problems = new ArrayList<>();
        Set<String> named = new TreeSet<>();
        for (T profile : profiles) {
            String council = councilOf.apply(profile);
            named.add(council);
            if (!ANY_COUNCIL.equals(council) && !served.contains(council)) {
                problems.add("'" + council + "' is not a council served (caseqa.councils: " + served + ")");
            }
        }
        for (String council : eachHasItsOwn ? served : Set.<String>of()) {
            if (!named.contains(council)) {
                problems.add(council + " has no profile of its own: it would run the default one");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cannot start: " + name + ": " + String.join("; ", problems));
        }
        return profiles;
    }
}
