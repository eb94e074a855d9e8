package uk.caseqa.reporting.adapter.in.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import uk.caseqa.messaging.pages.PageController;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.SignedInPerson;

/**
 * The board dashboard for a person who signs in rather than follows a link with a token: once signed in (as for
 * any page), they are sent to the dashboard with their own access token in the address's fragment, which the browser
 * never sends to a server and the dashboard's script takes out of the address at once, as a board member's link does.
 */
@PageController
class DashboardSignIn {

    @GetMapping("/pages/dashboard")
    @Allowed({AccessRole.BOARD_READER, AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER})
    String dashboard(jakarta.servlet.http.HttpServletRequest request) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        String token = signedIn instanceof JwtAuthenticationToken bearer ? bearer.getToken().getTokenValue()
                : ((SignedInPerson) signedIn.getPrincipal()).token().getTokenValue();
        // the filters the person had chosen come back with them: ids, words and dates, nothing else
        String query = request.getQueryString();
        String kept = query != null && query.matches("[A-Za-z0-9=&_.%-]{1,500}") ? "?" + query : "";
        return "redirect:" + DashboardController.DASHBOARD + kept + "#token=" + token;
    }
}
