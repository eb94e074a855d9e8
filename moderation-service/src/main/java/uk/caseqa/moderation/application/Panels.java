package uk.caseqa.moderation.application;

import java.util.Optional;
import uk.caseqa.moderation.domain.Panel;

/** Port: QA panels, one per council and date. */
public interface Panels {

    boolean insertIfAbsent(Panel panel);

    Optional<Panel> find(String panelId);
}
