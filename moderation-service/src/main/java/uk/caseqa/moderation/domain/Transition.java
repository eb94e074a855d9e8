package uk.caseqa.moderation.domain;

import java.time.Instant;

/** One line of an audit's moderation history: when, what, by whom ({@code system} for a deadline). */
public record Transition(Instant at, String what, String by) {
}
