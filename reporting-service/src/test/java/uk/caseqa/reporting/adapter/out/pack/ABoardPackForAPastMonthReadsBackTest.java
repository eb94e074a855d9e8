package uk.caseqa.reporting.adapter.out.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.Grade;
import uk.caseqa.reporting.application.BoardPack;
import uk.caseqa.reporting.application.BoardPacks;
import uk.caseqa.reporting.application.CountingFromRecords;
import uk.caseqa.reporting.application.CycleAnchors;
import uk.caseqa.reporting.application.InMemoryBoardRecords;
import uk.caseqa.reporting.demo.YearOfAudits;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.Measure;
import uk.caseqa.reporting.domain.Period;

/**
 * Swindon's pack for October 2026, from a generated year of audits, is written as PDF, CSV and Excel and read back
 * with PDFBox, Commons CSV and POI: what each file says is what {@link CountingFromRecords} counts for the month
 * (and, for the trend, the five months before it), worked out here separately from the pack.
 */
class ABoardPackForAPastMonthReadsBackTest {

    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    static final CycleAnchors ANCHORS = new CycleAnchors(LocalDate.of(2024, 1, 1), Map.of());
    static final InMemoryBoardRecords RECORDS = InMemoryBoardRecords.of(YearOfAudits.generate(
            YearOfAudits.twoCouncils(), LocalDate.of(2025, 11, 1), 12, NOW, 42L).events());
    static final Period OCTOBER = Period.parse("2026-10");

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final CountingFromRecords counting = new CountingFromRecords(RECORDS, ANCHORS, clock);
    final BoardPack pack = new BoardPacks(counting, ANCHORS, clock).assemble("swindon", "2026-10");

    @Test
    void thePdfHasATitlePageThenASectionForEveryMeasure() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(new PdfBoardPackRenderer().render(pack))) {
            List<String> lines = lines(pdf);

            assertThat(pdf.getNumberOfPages()).isGreaterThan(Measure.values().length);
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("swindon QA board pack: 2026-10");
            assertThat(lines).contains("swindon QA board pack: 2026-10", "Month: 1 October 2026 to 31 October 2026",
                    "Cases of concern");
            for (Measure measure : Measure.values()) {
                assertThat(lines).as("the section heading of %s", measure).contains(measure.title());
            }
        }
    }

    @Test
    void theFinalGradesInThePdfAreTheOnesCountedForTheMonth() throws IOException {
        Map<String, Long> council = counted(Measure.FINAL_GRADES, Breakdown.COUNCIL, "swindon");
        assertThat(council.values().stream().mapToLong(Long::longValue).sum()).as("audits graded").isPositive();

        try (PDDocument pdf = Loader.loadPDF(new PdfBoardPackRenderer().render(pack))) {
            List<String> lines = lines(pdf);
            List<String> section = lines.subList(lines.indexOf(Measure.FINAL_GRADES.title()),
                    lines.indexOf(Measure.AUDITOR_VS_FINAL.title()));
            List<String> grades = new ArrayList<>(Stream.of(Grade.values()).map(Grade::name).toList());
            grades.add("AWAITING_MODERATION");

            for (String grade : grades) {
                assertThat(section).as("the council's %s", grade)
                        .contains(grade.replace('_', ' ') + " " + council.getOrDefault(grade, 0L));
            }
            List<BoardCount.Aggregate> teams = aggregates(OCTOBER).stream()
                    .filter(a -> a.key().measure() == Measure.FINAL_GRADES && a.key().breakdown() == Breakdown.TEAM)
                    .toList();
            assertThat(teams).hasSize(4);
            for (BoardCount.Aggregate team : teams) {
                String row = team.key().value() + " " + grades.stream()
                        .map(g -> String.valueOf(team.counts().getOrDefault(g, 0L))).collect(Collectors.joining(" "));
                assertThat(section).as("the row of %s", team.key().value()).anyMatch(line -> line.startsWith(row));
            }
        }
    }

    @Test
    void thePdfCarriesItsChartsAsImagesAndOnlyTheFontsBuiltIntoPdf() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(new PdfBoardPackRenderer().render(pack))) {
            int images = 0;
            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getXObjectNames()) {
                    images += resources.getXObject(name) instanceof PDImageXObject ? 1 : 0;
                }
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name).getName());
                }
            }
            assertThat(images).as("final grades by team, and the trend of Good or better").isEqualTo(2);
            assertThat(fonts).isNotEmpty().allMatch(f -> f.startsWith("Helvetica"));
        }
    }

    @Test
    void theCsvParsesBackToTheCountsAndFiguresOfTheMonthAndItsTrend() throws IOException {
        Map<String, BoardCount.Aggregate> expected = new HashMap<>();
        aggregates(OCTOBER).forEach(a -> expected.put(a.key().id(), a));
        counting.count("swindon", counting.trend("swindon", "2026-10", 6)).stream()
                .filter(a -> a.key().breakdown() == Breakdown.COUNCIL)
                .forEach(a -> expected.put(a.key().id(), a));

        Map<String, Map<String, Long>> counts = new HashMap<>();
        Map<String, Map<String, Double>> figures = new HashMap<>();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(new CsvBoardPackRenderer().render(pack)),
                StandardCharsets.UTF_8);
                CSVParser csv = CSVParser.parse(reader,
                        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(csv.getHeaderNames())
                    .containsExactly("measure", "breakdown", "value", "period", "bucket", "count", "figure");
            for (CSVRecord row : csv) {
                String id = String.join("|", row.get("measure"), "swindon", row.get("breakdown"), row.get("value"),
                        row.get("period"));
                assertThat(expected).as("a row of an aggregate counted: %s", id).containsKey(id);
                if (row.get("figure").isEmpty()) {
                    counts.computeIfAbsent(id, k -> new HashMap<>()).put(row.get("bucket"),
                            Long.parseLong(row.get("count")));
                } else {
                    assertThat(row.get("count")).isEmpty();
                    figures.computeIfAbsent(id, k -> new HashMap<>()).put(row.get("bucket"),
                            Double.parseDouble(row.get("figure")));
                }
            }
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((id, aggregate) -> {
            Map<String, Long> shown = counts.get(id);
            assertThat(shown).as(id).containsAllEntriesOf(aggregate.counts());
            shown.forEach((bucket, n) -> assertThat(n).as("%s %s", id, bucket)
                    .isEqualTo(aggregate.counts().getOrDefault(bucket, 0L)));
            assertThat(figures.getOrDefault(id, Map.of())).as(id).isEqualTo(aggregate.figures());
        });
    }

    @Test
    void theWorkbookHasNumericCountsAndThePeriodsDaysAsDateCells() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(new XlsxBoardPackRenderer().render(pack)))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("About");
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1 + Measure.values().length);
            Sheet about = workbook.getSheet("About");
            assertThat(value(about, "Council").getStringCellValue()).isEqualTo("swindon");
            assertThat(value(about, "Period").getStringCellValue()).isEqualTo("2026-10");
            Cell firstDay = value(about, "First day");
            assertThat(firstDay.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(firstDay)).isTrue();
            assertThat(firstDay.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 1));
            Cell lastDay = value(about, "Last day");
            assertThat(DateUtil.isCellDateFormatted(lastDay)).isTrue();
            assertThat(lastDay.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 31));
            assertThat(DateUtil.isCellDateFormatted(value(about, "Figures as at"))).isTrue();
            assertThat(value(about, "Figures as at").getLocalDateTimeCellValue())
                    .isEqualTo(LocalDate.of(2026, 11, 1).atStartOfDay());

            Sheet grades = workbook.getSheet(Measure.FINAL_GRADES.id());
            int compared = 0;
            for (Row row : grades) {
                if (row.getRowNum() == 0 || !row.getCell(3).getStringCellValue().equals("2026-10")
                        || row.getCell(5) == null) {
                    continue;
                }
                Cell count = row.getCell(5);
                assertThat(count.getCellType()).isEqualTo(CellType.NUMERIC);
                Map<String, Long> counted = counted(Measure.FINAL_GRADES,
                        Breakdown.valueOf(row.getCell(1).getStringCellValue()), row.getCell(2).getStringCellValue());
                assertThat((long) count.getNumericCellValue())
                        .isEqualTo(counted.getOrDefault(row.getCell(4).getStringCellValue(), 0L));
                compared++;
            }
            assertThat(compared).isGreaterThan(20);
        }
    }

    private List<BoardCount.Aggregate> aggregates(Period period) {
        return counting.count("swindon", List.of(period));
    }

    private Map<String, Long> counted(Measure measure, Breakdown breakdown, String value) {
        return aggregates(OCTOBER).stream()
                .filter(a -> a.key().measure() == measure && a.key().breakdown() == breakdown
                        && a.key().value().equals(value))
                .findFirst().orElseThrow().counts();
    }

    private static List<String> lines(PDDocument pdf) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(pdf).lines().map(String::strip).toList();
    }

    private static Cell value(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0).getStringCellValue().equals(label)) {
                return row.getCell(1);
            }
        }
        throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
    }
}
