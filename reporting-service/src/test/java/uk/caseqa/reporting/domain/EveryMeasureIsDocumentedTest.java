package uk.caseqa.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/board-measures.md, which councils read without the code, names every measure the board counts. */
class EveryMeasureIsDocumentedTest {

    @ParameterizedTest
    @EnumSource(Measure.class)
    void theMeasuresPageNamesTheMeasureAndItsSource(Measure measure) throws IOException {
        String page = Files.readString(Path.of("..", "docs", "board-measures.md"));

        assertThat(page).contains("| `" + measure.id() + "` |");
        assertThat(measure.source()).isNotBlank();
        assertThat(measure.definition()).isNotBlank();
    }
}
