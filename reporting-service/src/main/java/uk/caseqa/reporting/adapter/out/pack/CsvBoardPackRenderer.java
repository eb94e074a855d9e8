package uk.caseqa.reporting.adapter.out.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import uk.caseqa.reporting.application.BoardPack;
import uk.caseqa.reporting.application.BoardPackRenderer;

/**
 * Writes a board pack's tables as one CSV file (RFC 4180, UTF-8, header row) for analysts:
 * {@code measure,breakdown,value,period,bucket,count,figure}, one row per count (the {@code figure} column empty) or
 * per derived figure (the {@code count} column empty, the figure's name in {@code bucket}); see {@link PackRows}.
 * The file records no time of writing, so a past period's file is the same byte for byte each time it is written.
 * A value that a spreadsheet would take for a formula is written with a leading apostrophe.
 */
@Component
class CsvBoardPackRenderer implements BoardPackRenderer {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder()
            .setHeader(PackRows.HEADER.toArray(String[]::new))
            .get();

    @Override
    public Format format() {
        return Format.CSV;
    }

    @Override
    public byte[] render(BoardPack pack) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
            for (PackRows.Row row : PackRows.of(pack)) {
                printer.printRecord(row.measure().id(), row.breakdown().name(), notAFormula(row.value()),
                        row.period(), row.bucket(), row.count() == null ? "" : row.count(),
                        row.figure() == null ? "" : row.figure());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String notAFormula(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
