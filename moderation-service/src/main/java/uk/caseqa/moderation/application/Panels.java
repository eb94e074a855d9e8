package uk.caseqa.moderation.application;

import java.util.List;
import java.util.Optional;
import uk.caseqa.moderation.domain.Panel;

/** Port: QA panels, one per council and date. */
public interface Panels {

    boolean insertIfAbsent(Panel panel);

    Optional<Panel> find(String panelId);

    /** The council's panels this person sits on, from {@code from} on, soonest first. */
    List<Panel> ofMember(String localAuthority, String staffId, java.time.LocalDate from);
}
