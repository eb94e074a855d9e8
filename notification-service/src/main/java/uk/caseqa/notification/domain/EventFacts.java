package uk.caseqa.notification.domain;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.StaffRole;

/**
 * What a message may say about an event: its identifiers, dates in England, grades and flags, by field name. Free
 * text (a panel's reason, a rationale, findings, notes, evidence) is left out, so no template can copy what may hold
 * case content into an email: the email links to it instead.
 */
public final class EventFacts {

    /** Fields that may carry narrative; never offered to a template. */
    public static final Set<String> FREE_TEXT = Set.of("reason", "rationale", "findings", "note", "notes", "comment",
            "comments", "evidence", "learningConversation", "plan", "decision", "summary");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final Map<String, Object> raw;

    private EventFacts(Map<String, Object> raw) {
        this.raw = raw;
    }

    public static EventFacts of(EventPayload payload) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (FREE_TEXT.contains(component.getName())) {
                continue;
            }
            try {
                Object value = component.getAccessor().invoke(payload);
                if (value != null) {
                    raw.put(component.getName(), value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + payload, e);
            }
        }
        return new EventFacts(raw);
    }

    /** A text field (an identifier), if the event has it. */
    public Optional<String> text(String field) {
        Object value = raw.get(field);
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    /** A time field, if the event has it. */
    public Optional<Instant> instant(String field) {
        return raw.get(field) instanceof Instant instant ? Optional.of(instant) : Optional.empty();
    }

    /** True when the event has the boolean field and it is true. */
    public boolean isTrue(String field) {
        return Boolean.TRUE.equals(raw.get(field));
    }

    /** The posts the event names to be told ({@code alsoTell}, {@code escalateTo}). */
    public List<StaffRole> namedPosts() {
        return raw.entrySet().stream().filter(e -> e.getKey().equals("alsoTell") || e.getKey().equals("escalateTo"))
                .flatMap(e -> ((Collection<?>) e.getValue()).stream()).filter(StaffRole.class::isInstance)
                .map(StaffRole.class::cast).distinct().toList();
    }

    /** One field as a template shows it; null when the event has no such field. */
    public Object shown(String field) {
        Object value = raw.get(field);
        return value == null ? null : shownValue(value);
    }

    /** The fields as a template shows them: dates in England, grades and posts in words. */
    public Map<String, Object> forTemplate() {
        Map<String, Object> shown = new LinkedHashMap<>();
        raw.forEach((field, value) -> shown.put(field, shownValue(value)));
        return shown;
    }

    private static Object shownValue(Object value) {
        if (value instanceof Instant instant) {
            return WHEN.format(instant);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().replace('_', ' ').toLowerCase(Locale.UK);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(EventFacts::shownValue).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + shownValue(e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        return value;
    }
}
