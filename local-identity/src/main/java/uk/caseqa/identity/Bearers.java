package uk.caseqa.identity;

/** Where a person's token comes from: the {@code Authorization} header value for them, in their council. */
@FunctionalInterface
public interface Bearers {

    String of(String council, String staffId, String... roles);
}
