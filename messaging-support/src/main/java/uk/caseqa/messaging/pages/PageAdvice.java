package uk.caseqa.messaging.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.util.NoSuchElementException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.caseqa.messaging.security.Caller;
import uk.caseqa.messaging.security.CallerTokens;

/**
 * What every page shows (who is signed in, the service's name, where the other services' pages are) and how a page
 * answers what went wrong: not found (another council's or another service's record looks the same), not yours to
 * do, or not allowed at this step, as a page with its status. Nothing of the request is echoed back.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageAdvice {

    private final CallerTokens tokens;
    private final PageLinks links;
    private final String serviceTitle;

    public PageAdvice(CallerTokens tokens, PageLinks links, Environment environment) {
        this.tokens = tokens;
        this.links = links;
        this.serviceTitle = environment.getProperty("caseqa.pages.title", "Case QA");
    }

    @ModelAttribute
    void everyPage(Model model) {
        Caller caller = tokens.callerOf(SecurityContextHolder.getContext().getAuthentication());
        model.addAttribute("signedIn", caller);
        model.addAttribute("serviceTitle", serviceTitle);
        model.addAttribute("links", links);
    }

    @ExceptionHandler(NoSuchElementException.class)
    String notFound(NoSuchElementException e, Model model, HttpServletResponse response) {
        return problem(model, response, HttpStatus.NOT_FOUND, "Page not found",
                "There is nothing here for you. If you followed a link from an email, it may be for another"
                        + " council or service, or the record may have moved on.");
    }

    @ExceptionHandler({AccessDeniedException.class, SecurityException.class})
    String notYours(RuntimeException e, Model model, HttpServletResponse response) {
        return problem(model, response, HttpStatus.FORBIDDEN, "This is not yours to do", e.getMessage());
    }

    /** A rule of the record the form could not check beforehand: shown as it is, nothing saved. */
    @ExceptionHandler(IllegalArgumentException.class)
    String notValid(IllegalArgumentException e, Model model, HttpServletResponse response) {
        return problem(model, response, HttpStatus.BAD_REQUEST, "Check what you entered", e.getMessage()
                + ". Nothing was saved: go back to the form and correct it.");
    }

    @ExceptionHandler(IllegalStateException.class)
    String notNow(IllegalStateException e, Model model, HttpServletResponse response) {
        return problem(model, response, HttpStatus.CONFLICT, "This cannot be done at this step", e.getMessage());
    }

    private String problem(Model model, HttpServletResponse response, HttpStatus status, String title,
            String detail) {
        everyPage(model);
        response.setStatus(status.value());
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "caseqa/problem";
    }
}
