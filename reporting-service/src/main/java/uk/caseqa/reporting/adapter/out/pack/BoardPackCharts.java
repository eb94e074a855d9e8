package uk.caseqa.reporting.adapter.out.pack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import uk.caseqa.reporting.application.BoardPack;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.Measure;

/**
 * The pack's charts (JFreeChart), drawn as PNG images at twice their printed size and carried in the page as
 * {@code data:} URIs, so the PDF needs nothing from outside: final grades by team as stacked bars, and the council's
 * share of audits graded Good or better over the trend. Grades keep the colours of the GOV.UK palette.
 */
final class BoardPackCharts {

    /** The figure the trend chart draws, as {@link Measure#figures} names it. */
    static final String GOOD_OR_BETTER = "goodOrBetterPercent";

    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final Map<String, Color> GRADE_COLOURS = Map.of(
            "OUTSTANDING", new Color(0x00703c),
            "GOOD", new Color(0x85994b),
            "REQUIRES_IMPROVEMENT", new Color(0xf47738),
            "INADEQUATE", new Color(0xd4351c),
            "AWAITING_MODERATION", new Color(0xb1b4b6));
    private static final Color LINE = new Color(0x1d70b8);

    private BoardPackCharts() {
    }

    /** Final grades by team, stacked; empty when no team had an audit counted in the period. */
    static Optional<String> finalGradesByTeam(BoardPack pack) {
        List<BoardCount.Aggregate> teams = pack.by(Measure.FINAL_GRADES, Breakdown.TEAM);
        if (teams.isEmpty()) {
            return Optional.empty();
        }
        List<String> grades = Buckets.always(Measure.FINAL_GRADES);
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (String grade : grades) {
            for (BoardCount.Aggregate team : teams) {
                dataset.addValue(team.counts().getOrDefault(grade, 0L), Labels.bucket(grade), team.key().value());
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Final grades by team, " + pack.period().key(),
                "Team", "Audits", dataset, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = plain(chart);
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        for (int series = 0; series < grades.size(); series++) {
            bars.setSeriesPaint(series, GRADE_COLOURS.get(grades.get(series)));
        }
        return Optional.of(png(chart));
    }

    /** The council's % Good or better in each period of the trend; empty when no period had a graded audit. */
    static Optional<String> goodOrBetterTrend(BoardPack pack) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        boolean any = false;
        for (BoardPack.TrendPoint point : pack.trend()) {
            Double figure = point.of(Measure.FINAL_GRADES).map(a -> a.figures().get(GOOD_OR_BETTER)).orElse(null);
            any |= figure != null;
            dataset.addValue(figure, Labels.figure(GOOD_OR_BETTER), point.period().key());
        }
        if (!any) {
            return Optional.empty();
        }
        JFreeChart chart = ChartFactory.createLineChart("Audits graded Good or better (%)", "Period", "%", dataset,
                PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = plain(chart);
        plot.getRangeAxis().setRange(0, 100);
        LineAndShapeRenderer line = (LineAndShapeRenderer) plot.getRenderer();
        line.setDefaultShapesVisible(true);
        line.setSeriesPaint(0, LINE);
        line.setSeriesStroke(0, new BasicStroke(2.5f));
        line.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        line.setDefaultItemLabelsVisible(true);
        return Optional.of(png(chart));
    }

    private static CategoryPlot plain(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setOutlineVisible(false);
        return plot;
    }

    private static String png(JFreeChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeScaledChartAsPNG(out, chart, WIDTH, HEIGHT, 2, 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
