package uk.caseqa.reporting.adapter.out.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import uk.caseqa.reporting.application.BoardPack;
import uk.caseqa.reporting.application.BoardPackRenderer;
import uk.caseqa.reporting.domain.Measure;
import uk.caseqa.reporting.domain.Period;

/**
 * Writes a board pack as an Excel workbook (Apache POI): an "About" sheet naming the council, the period, its first
 * and last day and when the figures hold, as date cells in English time, then one sheet per measure, named by its
 * id, with the rows of {@link PackRows}, counts and figures as numbers, so the board's analysts can chart and pivot
 * them.
 */
@Component
class XlsxBoardPackRenderer implements BoardPackRenderer {

    /** The name of the sheet describing the pack. */
    static final String ABOUT = "About";

    @Override
    public Format format() {
        return Format.XLSX;
    }

    @Override
    public byte[] render(BoardPack pack) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            about(workbook.createSheet(ABOUT), pack, styles);
            for (Measure measure : Measure.values()) {
                measure(workbook.createSheet(measure.id()), PackRows.of(pack, measure), styles);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void about(Sheet sheet, BoardPack pack, Styles styles) {
        Period period = pack.period();
        label(sheet, 0, "Council", styles).setCellValue(pack.localAuthority());
        label(sheet, 1, "Period", styles).setCellValue(period.key());
        label(sheet, 2, "Period type", styles).setCellValue(Labels.periodType(period.type()));
        styled(label(sheet, 3, "First day", styles), styles.date).setCellValue(period.firstDay());
        styled(label(sheet, 4, "Last day", styles), styles.date).setCellValue(period.lastDay());
        styled(label(sheet, 5, "Figures as at", styles), styles.dateTime).setCellValue(inEngland(pack.asOf()));
        label(sheet, 6, "Final", styles).setCellValue(pack.isFinal()
                ? "Yes: the period is over, so these figures no longer change"
                : "No: the period is still running, so these figures will change until it ends");
        styled(label(sheet, 7, "Generated", styles), styles.dateTime).setCellValue(inEngland(pack.generatedAt()));
        label(sheet, 8, "Rows", styles).setCellValue("One sheet per measure: the period's counts and figures by "
                + "council, service, team, cohort and auditor, then the council's for the earlier periods of the "
                + "trend. A count is of audits (or cases of concern, follow-ups, actions); a figure, named in the "
                + "bucket column, is a percentage or Cohen's kappa. Times are in England (Europe/London).");
        sheet.autoSizeColumn(0);
        sheet.setColumnWidth(1, 60 * 256);
    }

    private static void measure(Sheet sheet, List<PackRows.Row> rows, Styles styles) {
        Row top = sheet.createRow(0);
        for (int c = 0; c < PackRows.HEADER.size(); c++) {
            Cell cell = top.createCell(c);
            cell.setCellValue(PackRows.HEADER.get(c));
            cell.setCellStyle(styles.bold);
        }
        for (int r = 0; r < rows.size(); r++) {
            PackRows.Row row = rows.get(r);
            Row line = sheet.createRow(r + 1);
            line.createCell(0).setCellValue(row.measure().id());
            line.createCell(1).setCellValue(row.breakdown().name());
            line.createCell(2).setCellValue(row.value());
            line.createCell(3).setCellValue(row.period());
            line.createCell(4).setCellValue(row.bucket());
            if (row.count() != null) {
                line.createCell(5).setCellValue(row.count());
            } else {
                Cell figure = line.createCell(6);
                figure.setCellValue(row.figure());
                figure.setCellStyle(row.bucket().endsWith("Percent") ? styles.percent : styles.kappa);
            }
        }
        for (int c = 0; c < PackRows.HEADER.size(); c++) {
            sheet.autoSizeColumn(c);
        }
        sheet.createFreezePane(0, 1);
    }

    /** A row with the label in bold, and the empty cell for its value. */
    private static Cell label(Sheet sheet, int r, String label, Styles styles) {
        Row row = sheet.createRow(r);
        Cell name = row.createCell(0);
        name.setCellValue(label);
        name.setCellStyle(styles.bold);
        return row.createCell(1);
    }

    private static Cell styled(Cell cell, CellStyle style) {
        cell.setCellStyle(style);
        return cell;
    }

    private static LocalDateTime inEngland(Instant instant) {
        return instant.atZone(Period.ENGLAND).toLocalDateTime();
    }

    /** The workbook's cell styles, made once per workbook. */
    private static final class Styles {
        final CellStyle bold;
        final CellStyle date;
        final CellStyle dateTime;
        final CellStyle percent;
        final CellStyle kappa;

        Styles(XSSFWorkbook workbook) {
            bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            date = formatted(workbook, "yyyy-mm-dd");
            dateTime = formatted(workbook, "yyyy-mm-dd hh:mm");
            percent = formatted(workbook, "0.0");
            kappa = formatted(workbook, "0.000");
        }

        private static CellStyle formatted(XSSFWorkbook workbook, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }
    }
}
