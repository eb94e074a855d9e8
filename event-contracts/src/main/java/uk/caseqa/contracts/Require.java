package uk.caseqa.contracts;

import java.util.Map;

/** Field checks used by the payload records, so an invalid event fails with a reason naming the field. */
public final class Require {
    private Require() {
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + " is required");
        }
        if (value.length() > 200) {
            throw new InvalidEventException(field + " is longer than 200 characters");
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidEventException(field + " is required");
        }
        return value;
    }

    public static <K, V> Map<K, V> copyOf(Map<K, V> value, String field) {
        return Map.copyOf(present(value, field));
    }
}
