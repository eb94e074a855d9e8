package uk.caseqa.audit.adapter.in.web;

import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.caseqa.audit.application.Audits;
import uk.caseqa.audit.application.TrackingActions;
import uk.caseqa.messaging.pages.PageController;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;

/**
 * The trackers the QA team keeps, as pages: the allocation tracker and the actions tracker of the person's council,
 * the same rows as the API and the Excel workbooks, which the page links to (a signed-in person downloads them).
 */
@PageController
class TrackerPages {

    private final Audits audits;
    private final TrackingActions actions;

    TrackerPages(Audits audits, TrackingActions actions) {
        this.audits = audits;
        this.actions = actions;
    }

    /** A tracker as shown: its title, its header and its rows of cells, and where its workbook is. */
    record Tracker(String id, String title, List<String> header, List<List<String>> rows, String workbook) {
    }

    @GetMapping("/pages/trackers")
    @Allowed({AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER})
    String trackers(Caller caller, Model model) {
        model.addAttribute("trackers", List.of(
                new Tracker("allocation", "Allocation tracker", AuditCycleController.TRACKER_HEADER,
                        audits.ofCouncil(caller.council(), null).stream().map(AuditCycleController.TrackerRow::of)
                                .map(row -> text(row.cells())).toList(), "/allocation-tracker.xlsx"),
                new Tracker("actions", "Actions tracker", ActionController.HEADER,
                        actions.tracker(caller.council()).stream().map(ActionController.ActionRow::of)
                                .map(row -> text(row.cells())).toList(), "/actions.xlsx")));
        return "audit/trackers";
    }

    private static List<String> text(List<Object> cells) {
        return cells.stream().map(cell -> cell == null ? "" : String.valueOf(cell)).toList();
    }
}
