package uk.caseqa.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.EventType;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.notification.domain.EventFacts;
import uk.caseqa.notification.domain.Route;

/**
 * Every event type people act on, as its published example, reaches the people its route names with a message that
 * has a subject, a link, a text part and an HTML part, and carries no free text from the event.
 */
class EveryRoutedEventReachesItsPeopleTest {

    final NotificationStory story = new NotificationStory();

    @AfterEach
    void stop() {
        story.close();
    }

    static Stream<EventType> actedOnByPeople() {
        return Arrays.stream(EventType.values()).filter(t -> t.audience() == EventType.Audience.PEOPLE);
    }

    static EventEnvelope<EventPayload> example(EventType type) {
        try (InputStream json = EveryRoutedEventReachesItsPeopleTest.class.getClassLoader()
                .getResourceAsStream("examples/" + type.typeName() + ".json")) {
            return EventJson.read(new String(json.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("actedOnByPeople")
    void theRoutedPeopleGetAMessageWithALinkInTextAndHtmlAndNoFreeText(EventType type) {
        EventEnvelope<EventPayload> event = example(type);
        String council = event.localAuthority();
        for (StaffRole post : StaffRole.values()) {
            story.member(council, "staff-" + post.name().toLowerCase(), post, "team-north", "svc-1");
        }
        Route route = story.routes.routeFor(council, type.typeName()).orElseThrow();
        boolean routedForThisExample = route.onlyIf() == null || EventFacts.of(event.data()).isTrue(route.onlyIf());

        int made = story.notify(event);

        if (!routedForThisExample) {
            assertThat(made).isZero();
            return;
        }
        assertThat(made).as("messages for %s", type.typeName()).isPositive();
        assertThat(story.notifications.nobody).isEmpty();
        List<String> freeText = Arrays.stream(event.data().getClass().getRecordComponents())
                .filter(c -> EventFacts.FREE_TEXT.contains(c.getName())).map(c -> {
                    try {
                        return String.valueOf(c.getAccessor().invoke(event.data()));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        assertThat(story.notifications.saved.values()).allSatisfy(stored -> {
            var n = stored.notification;
            assertThat(n.subject()).isNotBlank().doesNotContain("{{");
            assertThat(n.link()).startsWith("https://");
            assertThat(n.body()).contains(n.link()).contains("Dear ");
            assertThat(n.html()).contains("<html").contains("href=\"" + htmlEscaped(n.link()) + "\"");
            freeText.forEach(text -> assertThat(n.body() + n.html()).doesNotContain(text));
        });
        assertThat(story.notify(event)).as("a redelivery").isZero();
    }

    static String htmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("=", "&#x3D;").replace("\"", "&quot;");
    }

    @Test
    void noTemplateAsksForPersonalDetailsOrFreeText() throws IOException {
        Pattern placeholder = Pattern.compile("\\{\\{[#^/&]?\\s*([A-Za-z.\\-]+)\\s*}}");
        Pattern personal = Pattern.compile(
                "(?i).*(name|birth|dob|address|postcode|phone|nhs|narrative|ethnic|gender).*");
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:mail/**/*.mustache");
        assertThat(templates).hasSizeGreaterThan(10);
        for (Resource template : templates) {
            Matcher found = placeholder.matcher(template.getContentAsString(StandardCharsets.UTF_8));
            while (found.find()) {
                String field = found.group(1);
                assertThat(personal.matcher(field).matches()).as("%s asks for %s", template.getFilename(), field)
                        .isFalse();
                assertThat(EventFacts.FREE_TEXT).as("%s asks for %s", template.getFilename(), field)
                        .doesNotContain(field);
            }
        }
    }

    @Test
    void everyEventTypePeopleActOnHasATemplate() {
        assertThat(story.messages.kinds()).containsAll(actedOnByPeople()
                .map(t -> NotifyingPeople.kindOf(t.typeName())).toList());
    }
}
