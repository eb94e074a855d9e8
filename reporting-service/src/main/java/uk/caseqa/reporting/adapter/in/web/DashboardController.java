package uk.caseqa.reporting.adapter.in.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Sends a reader who opens the service, or {@code /dashboard}, to the board dashboard: a static page
 * ({@code static/dashboard/index.html}) that draws the {@code /board} API in the browser, so the addresses board
 * members are given stay short and the page keeps its relative links to its script and styles.
 */
@Controller
class DashboardController {

    static final String DASHBOARD = "/dashboard/index.html";

    @GetMapping({"/", "/dashboard", "/dashboard/"})
    @uk.caseqa.messaging.security.PublicPage
    String dashboard() {
        return "redirect:" + DASHBOARD;
    }
}
