package uk.caseqa.reporting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;
import uk.caseqa.reporting.application.BoardPack;
import uk.caseqa.reporting.application.BoardPackRenderer;
import uk.caseqa.reporting.application.BoardPackRenderer.Format;
import uk.caseqa.reporting.application.BoardPacks;

/**
 * Board packs to download, one URL per council, period and format: the PDF the board reads, and its tables as CSV
 * and an Excel workbook. Each format has its own mapping with the extension spelt out, so the period key is read
 * up to the extension ({@code 6w-2026-01-26.pdf} is the cycle {@code 6w-2026-01-26}).
 */
@RestController
@RequestMapping("/board/packs")
@Tag(name = "Board packs", description = "A council's QA board pack for any past or the current period, as PDF, CSV "
        + "or Excel; figures as the records stood at the period's end")
class BoardPackController {

    private final BoardPacks packs;
    private final Map<Format, BoardPackRenderer> renderers = new EnumMap<>(Format.class);

    BoardPackController(BoardPacks packs, List<BoardPackRenderer> renderers) {
        this.packs = packs;
        renderers.forEach(r -> this.renderers.put(r.format(), r));
        for (Format format : Format.values()) {
            if (!this.renderers.containsKey(format)) {
                throw new IllegalStateException("no board pack renderer for " + format);
            }
        }
    }

    @GetMapping("/{localAuthority}/{period}.pdf")
    @Operation(summary = "The board pack as a PDF: each measure's definition, counts, figures, trend and teams, with "
            + "charts; period 2026-10, 2026-W07, 6w-2026-01-26, 2026-Q3, 2026-H2 or 2026")
    @Allowed(value = {AccessRole.BOARD_READER, AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER}, scopes = "board.read")
    ResponseEntity<byte[]> pdf(Caller caller, @PathVariable String localAuthority, @PathVariable String period) {
        return download(caller, localAuthority, period, Format.PDF);
    }

    @GetMapping("/{localAuthority}/{period}.csv")
    @Operation(summary = "The board pack's tables as CSV: measure, breakdown, value, period, bucket, count, figure")
    @Allowed(value = {AccessRole.BOARD_READER, AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER}, scopes = "board.read")
    ResponseEntity<byte[]> csv(Caller caller, @PathVariable String localAuthority, @PathVariable String period) {
        return download(caller, localAuthority, period, Format.CSV);
    }

    @GetMapping("/{localAuthority}/{period}.xlsx")
    @Operation(summary = "The board pack's tables as an Excel workbook: an About sheet and one sheet per measure")
    @Allowed(value = {AccessRole.BOARD_READER, AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER}, scopes = "board.read")
    ResponseEntity<byte[]> xlsx(Caller caller, @PathVariable String localAuthority, @PathVariable String period) {
        return download(caller, localAuthority, period, Format.XLSX);
    }

    private ResponseEntity<byte[]> download(Caller caller, String localAuthority, String period, Format format) {
        caller.mustSee(localAuthority, "board pack of " + localAuthority);
        BoardPack pack = packs.assemble(localAuthority, period);
        byte[] file = renderers.get(format).render(pack);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(format.fileName(pack)).build().toString())
                .body(file);
    }
}
