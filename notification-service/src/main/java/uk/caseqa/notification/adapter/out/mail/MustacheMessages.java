package uk.caseqa.notification.adapter.out.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import uk.caseqa.notification.application.Messages;
import uk.caseqa.notification.domain.Message;

/**
 * Messages from Mustache templates on the classpath: {@code mail/<kind>.mustache} for every council, or
 * {@code mail/<council>/<kind>.mustache} where a council words it its own way. A template's first lines are
 * {@code Subject:} and {@code Link:}, then {@code ---}, then the plain-text body; the HTML part is the same body in
 * {@code mail/layout.html.mustache}, with the link as a button. Templates are compiled once; a missing value is an
 * error, not a blank.
 */
@Component
public class MustacheMessages implements Messages {

    private static final String ROOT = "mail/";
    private final Mustache.Compiler text = Mustache.compiler().escapeHTML(false).strictSections(false);
    private final Template layout;
    private final Map<String, Optional<Template>> compiled = new ConcurrentHashMap<>();
    private final Set<String> kinds;

    public MustacheMessages() {
        this.layout = Mustache.compiler().compile(read("layout.html.mustache")
                .orElseThrow(() -> new IllegalStateException("mail/layout.html.mustache is missing")));
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                    .getResources("classpath:" + ROOT + "*.mustache");
            this.kinds = Arrays.stream(found).map(Resource::getFilename).filter(n -> !n.startsWith("layout."))
                    .map(n -> n.substring(0, n.length() - ".mustache".length())).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Set<String> kinds() {
        return kinds;
    }

    @Override
    public Message render(String kind, String localAuthority, Map<String, Object> model) {
        Template template = template(localAuthority + "/" + kind + ".mustache")
                .or(() -> template(kind + ".mustache"))
                .orElseThrow(() -> new IllegalStateException("no message template for " + kind));
        String rendered = template.execute(model);
        String[] parts = rendered.split("\n---\n", 2);
        if (parts.length < 2) {
            throw new IllegalStateException("template " + kind + " has no '---' line between its headers and body");
        }
        Map<String, String> headers = parts[0].lines().filter(l -> l.contains(":"))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(':')).trim(),
                        l -> l.substring(l.indexOf(':') + 1).trim(), (a, b) -> b, LinkedHashMap::new));
        String subject = required(headers, "Subject", kind);
        String link = required(headers, "Link", kind);
        String body = parts[1].strip() + "\n\n" + link + "\n";
        List<String> paragraphs = Arrays.stream(parts[1].strip().split("\n\\s*\n")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("subject", subject);
        page.put("paragraphs", paragraphs);
        page.put("link", link);
        page.put("council", model.getOrDefault("councilName", localAuthority));
        return new Message(subject, link, body, layout.execute(page));
    }

    private static String required(Map<String, String> headers, String name, String kind) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("template " + kind + " gives no " + name + " line");
        }
        return value;
    }

    private Optional<Template> template(String path) {
        return compiled.computeIfAbsent(path, p -> read(p).map(text::compile));
    }

    private static Optional<String> read(String path) {
        try (InputStream stream = MustacheMessages.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            return stream == null ? Optional.empty()
                    : Optional.of(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
