package uk.caseqa.reporting.adapter.out.pack;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import uk.caseqa.reporting.application.BoardPack;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.Measure;
import uk.caseqa.reporting.domain.Period;

/**
 * A board pack as one XHTML page for printing on A4: a title page (what the pack covers, when its figures hold, and
 * the council's figures at a glance against the period before), then a section per measure, each on a new page,
 * with what it counts and where the councils' documents ask for it, the council's counts and figures, its trend,
 * and the services and teams side by side; final grades also as charts. Every piece of text is escaped, and the
 * page uses only the fonts built into PDF (Helvetica), so it needs no font files.
 */
final class BoardPackPage {

    private static final String STYLE = """
            @page { size: A4; margin: 18mm 16mm 20mm 16mm;
                @bottom-left { content: element(footer); }
                @bottom-right { content: "Page " counter(page) " of " counter(pages);
                    font-family: sans-serif; font-size: 8pt; color: #505a5f; } }
            body { font-family: sans-serif; font-size: 9.5pt; color: #0b0c0c; }
            .footer { position: running(footer); font-family: sans-serif; font-size: 8pt; color: #505a5f; }
            h1 { font-size: 24pt; margin: 30mm 0 6mm 0; }
            h2 { font-size: 16pt; margin: 0 0 3mm 0; }
            h3 { font-size: 11pt; margin: 6mm 0 2mm 0; }
            p.lead { font-size: 13pt; }
            p.source, p.note { color: #505a5f; }
            section.measure { page-break-before: always; }
            table { border-collapse: collapse; margin-bottom: 3mm; -fs-table-paginate: paginate; }
            table.compared { font-size: 8pt; width: 100%; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            th, td { border-bottom: 0.5pt solid #b1b4b6; padding: 1mm 2mm; text-align: left; vertical-align: top; }
            .n { text-align: right; }
            .name { white-space: nowrap; }
            img.chart { width: 170mm; margin: 2mm 0 4mm 0; }
            """;

    private final BoardPack pack;
    private final StringBuilder html = new StringBuilder();

    private BoardPackPage(BoardPack pack) {
        this.pack = pack;
    }

    /** The pack's page, as well-formed XHTML. */
    static String of(BoardPack pack) {
        return new BoardPackPage(pack).write();
    }

    /** The title of the pack: "swindon QA board pack: 2026-10". */
    static String title(BoardPack pack) {
        return pack.localAuthority() + " QA board pack: " + pack.period().key();
    }

    private String write() {
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\"><head>")
                .append("<meta charset=\"UTF-8\"/><title>").append(escape(title(pack))).append("</title><style>")
                .append(STYLE).append("</style></head><body>");
        element("div", "footer", title(pack));
        titlePage();
        for (Measure measure : Measure.values()) {
            section(measure);
        }
        html.append("</body></html>");
        return html.toString();
    }

    private void titlePage() {
        Period period = pack.period();
        html.append("<section>");
        element("h1", null, title(pack));
        element("p", "lead", Labels.periodType(period.type()) + ": " + Labels.day(period.firstDay()) + " to "
                + Labels.day(period.lastDay()));
        element("p", null, pack.isFinal()
                ? "Figures as the records stood at the end of the period, " + Labels.time(pack.asOf())
                        + ". The period is over: generating this pack again gives the same figures."
                : "Figures as at " + Labels.time(pack.asOf()) + ". The period is still running: its figures will "
                        + "change until it ends, at " + Labels.time(period.end()) + ".");
        element("p", null, "Generated at " + Labels.time(pack.generatedAt()) + ".");
        element("p", "note", "Teams, services and auditors are named by their identifiers; no child is named. "
                + "The same tables, by cohort and auditor too, are in this pack's CSV file and Excel workbook.");
        atAGlance();
        html.append("</section>");
    }

    /** Each measure's council figures in this period and the one before. */
    private void atAGlance() {
        List<BoardPack.TrendPoint> trend = pack.trend();
        Optional<BoardPack.TrendPoint> before = trend.size() < 2 ? Optional.empty()
                : Optional.of(trend.get(trend.size() - 2));
        element("h2", null, "At a glance");
        html.append("<table><thead><tr>");
        element("th", null, "Measure");
        element("th", null, "Figure");
        before.ifPresent(p -> element("th", "n", p.period().key()));
        element("th", "n", pack.period().key());
        html.append("</tr></thead><tbody>");
        for (Measure measure : Measure.values()) {
            Map<String, Double> now = figures(pack.council(measure));
            Map<String, Double> then = figures(before.flatMap(p -> p.of(measure)));
            Set<String> names = new LinkedHashSet<>(now.keySet());
            names.addAll(then.keySet());
            for (String name : names) {
                html.append("<tr>");
                element("td", null, measure.title());
                element("td", null, Labels.figure(name));
                before.ifPresent(p -> element("td", "n", figure(name, then.get(name))));
                element("td", "n", figure(name, now.get(name)));
                html.append("</tr>");
            }
        }
        html.append("</tbody></table>");
    }

    private void section(Measure measure) {
        html.append("<section class=\"measure\">");
        element("h2", null, measure.title());
        element("p", null, measure.definition());
        element("p", "source", "Asked for in: " + measure.source());
        element("h3", null, pack.localAuthority() + ", " + pack.period().key());
        Optional<BoardCount.Aggregate> council = pack.council(measure);
        if (council.isEmpty()) {
            element("p", null, "Nothing was counted for this measure in " + pack.period().key() + ".");
        }
        council.ifPresent(this::counts);
        if (measure == Measure.FINAL_GRADES) {
            BoardPackCharts.finalGradesByTeam(pack).ifPresent(uri -> chart(uri, "Final grades by team"));
        }
        trend(measure);
        if (measure == Measure.FINAL_GRADES) {
            BoardPackCharts.goodOrBetterTrend(pack).ifPresent(uri -> chart(uri, "Audits graded Good or better"));
        }
        compared(measure, Breakdown.SERVICE, "Service");
        compared(measure, Breakdown.TEAM, "Team");
        html.append("</section>");
    }

    /** The council's counts, bucket by bucket, and the figures derived from them. */
    private void counts(BoardCount.Aggregate council) {
        Measure measure = council.key().measure();
        html.append("<table><thead><tr>");
        element("th", null, "Bucket");
        element("th", "n", "Count");
        html.append("</tr></thead><tbody>");
        for (String bucket : Buckets.ordered(measure, council.counts().keySet())) {
            html.append("<tr>");
            element("td", null, Labels.bucket(bucket));
            element("td", "n", String.valueOf(council.counts().getOrDefault(bucket, 0L)));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        Map<String, Double> figures = council.figures();
        if (!figures.isEmpty()) {
            html.append("<table><thead><tr>");
            element("th", null, "Figure");
            element("th", "n", "Value");
            html.append("</tr></thead><tbody>");
            figures.forEach((name, value) -> {
                html.append("<tr>");
                element("td", null, Labels.figure(name));
                element("td", "n", Labels.value(name, value));
                html.append("</tr>");
            });
            html.append("</tbody></table>");
        }
    }

    /** The council's figures in each period of the trend (its counts, for a measure without figures). */
    private void trend(Measure measure) {
        List<BoardPack.TrendPoint> points = pack.trend();
        Set<String> figureNames = new LinkedHashSet<>();
        Set<String> counted = new TreeSet<>();
        for (BoardPack.TrendPoint point : points) {
            figureNames.addAll(figures(point.of(measure)).keySet());
            point.of(measure).ifPresent(a -> counted.addAll(a.counts().keySet()));
        }
        boolean byFigure = !figureNames.isEmpty();
        List<String> rows = byFigure ? List.copyOf(figureNames) : Buckets.ordered(measure, counted);
        if (rows.isEmpty()) {
            return;
        }
        element("h3", null, "Trend: " + points.get(0).period().key() + " to " + pack.period().key());
        html.append("<table class=\"compared\"><thead><tr>");
        element("th", null, byFigure ? "Figure" : "Bucket");
        points.forEach(p -> element("th", "n", p.period().key()));
        html.append("</tr></thead><tbody>");
        for (String row : rows) {
            html.append("<tr>");
            element("td", null, byFigure ? Labels.figure(row) : Labels.bucket(row));
            for (BoardPack.TrendPoint point : points) {
                Optional<BoardCount.Aggregate> aggregate = point.of(measure);
                element("td", "n", byFigure ? figure(row, figures(aggregate).get(row))
                        : String.valueOf(aggregate.map(a -> a.counts().getOrDefault(row, 0L)).orElse(0L)));
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    /** The services or teams side by side: the measure's headline buckets and its figures. */
    private void compared(Measure measure, Breakdown breakdown, String heading) {
        List<BoardCount.Aggregate> aggregates = pack.by(measure, breakdown);
        if (!measure.breakdowns().contains(breakdown) || aggregates.isEmpty()) {
            return;
        }
        List<String> buckets = Buckets.compared(measure);
        Set<String> names = new LinkedHashSet<>(figures(pack.council(measure)).keySet());
        aggregates.forEach(a -> names.addAll(a.figures().keySet()));
        element("h3", null, "By " + heading.toLowerCase(Locale.ROOT));
        html.append("<table class=\"compared\"><thead><tr>");
        element("th", null, heading);
        buckets.forEach(b -> element("th", "n", Labels.bucket(b)));
        names.forEach(n -> element("th", "n", Labels.figure(n)));
        html.append("</tr></thead><tbody>");
        for (BoardCount.Aggregate aggregate : aggregates) {
            html.append("<tr>");
            element("td", "name", aggregate.key().value());
            buckets.forEach(b -> element("td", "n", String.valueOf(aggregate.counts().getOrDefault(b, 0L))));
            Map<String, Double> figures = aggregate.figures();
            names.forEach(n -> element("td", "n", figure(n, figures.get(n))));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private void chart(String dataUri, String description) {
        html.append("<div><img class=\"chart\" alt=\"").append(escape(description)).append("\" src=\"")
                .append(dataUri).append("\"/></div>");
    }

    private void element(String name, String cssClass, String text) {
        html.append('<').append(name);
        if (cssClass != null) {
            html.append(" class=\"").append(cssClass).append('"');
        }
        html.append('>').append(escape(text)).append("</").append(name).append('>');
    }

    private static Map<String, Double> figures(Optional<BoardCount.Aggregate> aggregate) {
        return aggregate.map(BoardCount.Aggregate::figures).orElse(Map.of());
    }

    private static String figure(String name, Double value) {
        return value == null ? "-" : Labels.value(name, value);
    }

    /** Text made safe for XHTML, inside an element or an attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
