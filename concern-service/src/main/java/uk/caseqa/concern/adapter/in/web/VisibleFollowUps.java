package uk.caseqa.concern.adapter.in.web;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import uk.caseqa.concern.application.FollowUps;
import uk.caseqa.concern.application.SeeingCasesOfConcern;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Caller;

/**
 * The cases of concern and follow-ups a caller sees, for the API and the pages alike: another council's, or another
 * service's for a service manager, is not found.
 */
@Component
class VisibleFollowUps {

    private final FollowUps followUps;
    private final SeeingCasesOfConcern seeing;

    VisibleFollowUps(FollowUps followUps, SeeingCasesOfConcern seeing) {
        this.followUps = followUps;
        this.seeing = seeing;
    }

    FollowUp find(Caller caller, String id) {
        return followUps.find(id).filter(seeing.visibleTo(reader(caller)))
                .orElseThrow(() -> new NoSuchElementException("no case of concern or follow-up " + id));
    }

    List<FollowUp> openCasesOfConcern(Caller caller, String council, String serviceId, String teamId) {
        return followUps.openCasesOfConcern(council, serviceId, teamId).stream()
                .filter(seeing.visibleTo(reader(caller))).toList();
    }

    private static SeeingCasesOfConcern.Reader reader(Caller caller) {
        boolean councilWide = Stream.of(AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR,
                AccessRole.IRO, AccessRole.PANEL_MEMBER).anyMatch(caller::has);
        return new SeeingCasesOfConcern.Reader(caller.council(), caller.staffId(), councilWide,
                caller.has(AccessRole.SERVICE_MANAGER), caller.has(AccessRole.TEAM_MANAGER));
    }
}
