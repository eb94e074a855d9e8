package uk.caseqa.moderation.domain;

import java.time.LocalDate;
import java.util.List;

/** A QA panel: a council, a date and at most four members (000 §2.4). Only members decide on its audits. */
public record Panel(String panelId, String localAuthority, LocalDate date, List<String> members, String createdBy) {

    public static final int MAX_MEMBERS = 4;

    public Panel {
        members = members == null ? List.of() : List.copyOf(members);
        if (members.isEmpty() || members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("a QA panel has 1 to " + MAX_MEMBERS + " members, not " + members.size());
        }
        if (members.stream().distinct().count() != members.size()) {
            throw new IllegalArgumentException("a member is listed twice");
        }
    }

    public static String idFor(String localAuthority, LocalDate date) {
        return "panel-" + localAuthority + "-" + date;
    }

    public void requireMember(String staffId) {
        if (!members.contains(staffId)) {
            throw new SecurityException(staffId + " is not a member of " + panelId);
        }
    }
}
