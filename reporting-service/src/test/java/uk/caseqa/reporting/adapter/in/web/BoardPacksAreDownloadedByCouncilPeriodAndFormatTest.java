package uk.caseqa.reporting.adapter.in.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Caller;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import uk.caseqa.messaging.web.ProblemDetailsAdvice;
import uk.caseqa.reporting.application.BoardPack;
import uk.caseqa.reporting.application.BoardPackRenderer;
import uk.caseqa.reporting.application.BoardPacks;
import uk.caseqa.reporting.application.CountingFromRecords;
import uk.caseqa.reporting.application.CycleAnchors;
import uk.caseqa.reporting.application.InMemoryBoardRecords;
import uk.caseqa.reporting.demo.YearOfAudits;

/**
 * The download URLs, on MockMvc without a Spring context: the period key is read whole up to the extension (months,
 * quarters and 6-week cycles alike), the file comes with its media type and a file name to save it under, and an
 * unreadable or future period is a 400 problem detail saying why. Renderers are stand-ins that name what they were
 * given; the real ones are tested on their own.
 */
class BoardPacksAreDownloadedByCouncilPeriodAndFormatTest {

    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    static final CycleAnchors ANCHORS = new CycleAnchors(LocalDate.of(2024, 1, 1), Map.of());
    static final InMemoryBoardRecords RECORDS = InMemoryBoardRecords.of(YearOfAudits.generate(
            YearOfAudits.twoCouncils(), LocalDate.of(2025, 11, 1), 12, NOW, 42L).events());

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new BoardPackController(
                    new BoardPacks(new CountingFromRecords(RECORDS, ANCHORS, clock), ANCHORS, clock),
                    Arrays.stream(BoardPackRenderer.Format.values()).<BoardPackRenderer>map(Naming::new).toList()))
            .setControllerAdvice(new ProblemDetailsAdvice())
            .setCustomArgumentResolvers(new ReaderOfCouncilHeader())
            .build();

    /** The caller: a board reader of the council in the {@value #COUNCIL} header, or of the council in the path. */
    static final String COUNCIL = "X-Test-Reader-Council";

    static final class ReaderOfCouncilHeader implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType().equals(Caller.class);
        }

        @Override
        public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                NativeWebRequest request, WebDataBinderFactory binders) {
            String council = request.getHeader(COUNCIL);
            if (council == null) {
                council = request.getNativeRequest(jakarta.servlet.http.HttpServletRequest.class).getRequestURI()
                        .split("/")[3];
            }
            return new Caller("reader-1", council, Set.of(AccessRole.BOARD_READER), Set.of());
        }
    }

    @Test
    void aMonthsPdfIsAnAttachmentNamedByCouncilAndPeriod() throws Exception {
        mvc.perform(get("/board/packs/swindon/2026-10.pdf"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"swindon-2026-10-board-pack.pdf\""))
                .andExpect(content().string("PDF swindon 2026-10"));
    }

    @Test
    void aQuartersCsvAndACyclesWorkbookReadTheirWholePeriodKey() throws Exception {
        mvc.perform(get("/board/packs/telford-and-wrekin/2026-Q3.csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"telford-and-wrekin-2026-Q3-board-pack.csv\""))
                .andExpect(content().string("CSV telford-and-wrekin 2026-Q3"));
        mvc.perform(get("/board/packs/swindon/6w-2026-01-26.xlsx"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"swindon-6w-2026-01-26-board-pack.xlsx\""))
                .andExpect(content().string("XLSX swindon 6w-2026-01-26"));
    }

    @Test
    void anUnreadableFutureOrForeignCyclePeriodIsABadRequestSayingWhy() throws Exception {
        mvc.perform(get("/board/packs/swindon/2026-13.pdf"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", Matchers.containsString("'2026-13' is not a period")));
        mvc.perform(get("/board/packs/swindon/2026-12.csv"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", Matchers.containsString("a board pack is for a past or the current")));
        mvc.perform(get("/board/packs/swindon/6w-2026-03-02.xlsx"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", Matchers.containsString("2026-03-02 falls in 6w-2026-01-26")));
    }

    @Test
    void aReaderOfAnotherCouncilFindsNoPack() throws Exception {
        mvc.perform(get("/board/packs/swindon/2026-10.pdf").header(COUNCIL, "telford-and-wrekin"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCouncilWithNothingCountedIsNotFound() throws Exception {
        mvc.perform(get("/board/packs/nowhere/2026-10.pdf"))
                .andExpect(status().isNotFound());
    }

    /** A renderer that writes its format, the council and the period, for checking what reached it. */
    private record Naming(BoardPackRenderer.Format format) implements BoardPackRenderer {
        @Override
        public byte[] render(BoardPack pack) {
            return String.join(" ", format.name(), pack.localAuthority(), pack.period().key())
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
