package uk.caseqa.messaging.pages;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.PublicPage;

/** The pages around signing in, the same in every service. */
@PageController
public class SignInPages {

    /** Where a person lands after signing in without a page to return to: the pages they may open. */
    @GetMapping("/pages/signed-in")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER, AccessRole.PRACTITIONER, AccessRole.BOARD_READER,
            AccessRole.INFORMATION_GOVERNANCE, AccessRole.OPS})
    String signedIn(Model model) {
        model.addAttribute("title", "You are signed in");
        model.addAttribute("detail", "Choose where to go from the links at the top of the page.");
        return "caseqa/signed-out";
    }

    @GetMapping("/pages/signed-out")
    @PublicPage
    String signedOut(Model model) {
        model.addAttribute("title", "You have signed out");
        model.addAttribute("detail", "Close the browser if you share this computer.");
        return "caseqa/signed-out";
    }

    @GetMapping("/pages/sign-in-refused")
    @PublicPage
    String refused(Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(401);
        model.addAttribute("title", "You could not be signed in");
        model.addAttribute("detail", "Your sign-in did not give this service what it needs: your council, staff id"
                + " and roles. Ask your council's identity administrator.");
        return "caseqa/signed-out";
    }
}
