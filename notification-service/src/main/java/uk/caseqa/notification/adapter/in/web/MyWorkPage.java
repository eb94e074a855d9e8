package uk.caseqa.notification.adapter.in.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.caseqa.messaging.pages.Due;
import uk.caseqa.messaging.pages.PageController;
import uk.caseqa.messaging.pages.PageLinks;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;
import uk.caseqa.notification.application.KeepingWorkLists;
import uk.caseqa.notification.domain.WorkItem;

/**
 * My work across the services, kept from their events: audits to submit, actions I own, moderations to decide,
 * audits to comment on, safety plans to record; soonest due first, overdue marked, each a link to the page of the
 * service that owns it.
 */
@PageController
class MyWorkPage {

    private final KeepingWorkLists workLists;
    private final PageLinks links;
    private final Clock clock;

    MyWorkPage(KeepingWorkLists workLists, PageLinks links, Clock clock) {
        this.workLists = workLists;
        this.links = links;
        this.clock = clock;
    }

    /** One line of the list: what to do, on which record, by when, and where. */
    record Line(String what, String recordId, String detailId, String caseId, Due due, boolean returned,
            String href) {
    }

    @GetMapping("/pages/my-work")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER, AccessRole.PRACTITIONER})
    String myWork(Caller caller, Model model) {
        Instant now = clock.instant();
        List<Line> lines = workLists.of(caller.council(), caller.staffId()).stream()
                .map(item -> new Line(item.kind().what(), item.recordId(), item.detailId(), item.caseId(),
                        item.dueBy() == null ? null : Due.of(item.dueBy(), now), item.returned(), href(item)))
                .toList();
        model.addAttribute("lines", lines);
        model.addAttribute("overdue", lines.stream().filter(l -> l.due() != null && l.due().overdue()).count());
        return "notification/my-work";
    }

    private String href(WorkItem item) {
        return switch (item.kind()) {
            case AUDIT -> links.audit() + "/pages/audits/" + item.recordId();
            case ACTION -> links.audit() + "/pages/audits/" + item.recordId() + "/actions/" + item.detailId();
            case MODERATION -> links.moderation() + "/pages/moderations/" + item.recordId();
            case IRO_COMMENT -> links.moderation() + "/pages/iro-comments/" + item.recordId();
            case SAFETY_PLAN -> links.concern() + "/pages/cases-of-concern/" + item.recordId();
        };
    }
}
