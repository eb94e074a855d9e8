package uk.caseqa.messaging.pages;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is wrong with a submitted form, field by field in the order the form shows them: the page lists them in its
 * error summary (each a link to its field) and beside each field. Messages say what to do, never echo the entry.
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    /** The field is required: blank is an error with {@code message}. */
    public FormErrors required(String field, String value, String message) {
        if (value == null || value.isBlank()) {
            add(field, message);
        }
        return this;
    }

    /** No longer than {@code max} characters. */
    public FormErrors atMost(String field, String value, int max, String what) {
        if (value != null && value.length() > max) {
            add(field, what + " must be " + max + " characters or fewer");
        }
        return this;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String of(String field) {
        return byField.get(field);
    }

    public Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(byField);
    }
}
