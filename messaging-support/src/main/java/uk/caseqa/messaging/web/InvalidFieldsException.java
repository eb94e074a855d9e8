package uk.caseqa.messaging.web;

import java.util.Map;

/** A request that breaks a rule of the council's profile, field by field; answered 400 with the fields listed. */
public class InvalidFieldsException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidFieldsException(Map<String, String> errors) {
        super("invalid fields: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
