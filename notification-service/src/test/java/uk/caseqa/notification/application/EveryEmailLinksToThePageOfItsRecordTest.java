package uk.caseqa.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every email's link opens a page a person acts on (a service's {@code /pages/...}), never an API answer in JSON:
 * each message template, every council's wording included, names its link as a page of the service that owns the
 * record (the digest links to its first item's).
 */
class EveryEmailLinksToThePageOfItsRecordTest {

    static final Path MAIL = Path.of("src", "main", "resources", "mail");

    @Test
    void everyTemplatesLinkIsAPageOfTheServiceThatOwnsTheRecord() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(MAIL)) {
            templates = files.filter(f -> f.toString().endsWith(".mustache") && !f.endsWith("layout.html.mustache"))
                    .toList();
        }
        assertThat(templates).hasSizeGreaterThan(15);
        for (Path template : templates) {
            String link = Files.readAllLines(template).stream().filter(l -> l.startsWith("Link: ")).findFirst()
                    .orElse("");
            assertThat(link).as(MAIL.relativize(template) + " names its link").isNotEmpty();
            if (link.contains("{{#items}}")) {
                continue;
            }
            assertThat(link).as(MAIL.relativize(template) + "'s link").matches(
                    "Link: \\{\\{links\\.(audit|moderation|concern)}}/pages/"
                            + "(audits|moderations|iro-comments|cases-of-concern)/\\{\\{[A-Za-z]+}}"
                            + "(/actions/\\{\\{actionId}})?");
        }
    }
}
