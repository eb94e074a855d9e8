package uk.caseqa.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every REST endpoint of a running service, found from its own request mappings (so a new endpoint cannot be
 * missed), called four ways: without a token (401); with a token of every role the endpoint does not allow (403);
 * with a token of the right role from another council (404, or an answer holding nothing of the fixture's council:
 * an empty list, that council's own records, a refusal); and with the right token (2xx for a read of the fixture's
 * records, or a page sending the browser on; for a write, the use case's own answer, never 401, 403 or 404).
 */
public final class EndpointWalk {

    /** Every role a token can carry (the names of {@code uk.caseqa.messaging.security.AccessRole}). */
    static final List<String> ROLES = List.of("QA_TEAM", "AUDITOR", "MODERATOR", "IRO", "PANEL_MEMBER",
            "SERVICE_MANAGER", "TEAM_MANAGER", "PRACTITIONER", "BOARD_READER", "INFORMATION_GOVERNANCE", "OPS");
    private static final java.net.http.HttpClient STREAMS = java.net.http.HttpClient.newHttpClient();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    /** One endpoint: an HTTP method and path pattern, and the roles and scopes its {@code @Allowed} names. */
    public record Endpoint(HttpMethod method, String pattern, List<String> roles, List<String> scopes,
            List<String> requiredParams, boolean isPublic) {
        boolean read() {
            return method == HttpMethod.GET;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private EndpointWalk() {
    }

    /** The service's own endpoints (its handlers in {@code uk.caseqa}), as its running application maps them. */
    public static List<Endpoint> endpoints(ApplicationContext context) {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getName().startsWith("uk.caseqa.")) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            Set<String> methods = new LinkedHashSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            List<String> roles = new ArrayList<>();
            List<String> scopes = new ArrayList<>();
            boolean isPublic = false;
            for (Annotation annotation : handler.getMethod().getAnnotations()) {
                String name = annotation.annotationType().getName();
                if (name.equals("uk.caseqa.messaging.security.Allowed")) {
                    roles.addAll(Arrays.stream((Object[]) invoke(annotation, "value")).map(String::valueOf).toList());
                    scopes.addAll(Arrays.asList((String[]) invoke(annotation, "scopes")));
                } else if (name.equals("uk.caseqa.messaging.security.PublicPage")) {
                    isPublic = true;
                }
            }
            List<String> required = new ArrayList<>(info.getParamsCondition().getExpressions().stream()
                    .map(e -> e.getName()).toList());
            for (var parameter : handler.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && param.required() && param.defaultValue().equals(
                        org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)) {
                    String name = param.name().isEmpty() ? param.value().isEmpty() ? parameter.getParameterName()
                            : param.value() : param.name();
                    if (!required.contains(name)) {
                        required.add(name);
                    }
                }
            }
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    endpoints.add(new Endpoint(HttpMethod.valueOf(method), pattern, roles, scopes, required,
                            isPublic));
                }
            }
        }
        return endpoints;
    }

    private static Object invoke(Annotation annotation, String attribute) {
        try {
            Method method = annotation.annotationType().getMethod(attribute);
            return method.invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the walk needs to call every endpoint for real, in {@code council} (whose records the fixture made):
     * {@code values} a value for each path variable and required query parameter ({@code "METHOD pattern#name"}
     * for one endpoint, or {@code name} for all); {@code bodies} a valid body per write, keyed {@code "METHOD
     * pattern"}, the writes run in this order after every read (a write without one sends {@code {}});
     * {@code actors} the staff id that makes each call where the use case checks who it is.
     */
    public record Fixture(String council, String otherCouncil, Map<String, String> values,
            LinkedHashMap<String, Object> bodies, Map<String, String> actors) {
    }

    /** Walks every endpoint of the service at {@code baseUrl}; returns what each answered the right token. */
    public static List<String> walk(ApplicationContext context, String baseUrl, Fixture fixture) {
        RestClient http = RestClient.create(baseUrl);
        List<Endpoint> endpoints = new ArrayList<>(endpoints(context));
        assertThat(endpoints).as("the service's endpoints").isNotEmpty();
        List<String> order = new ArrayList<>(fixture.bodies().keySet());
        endpoints.sort(java.util.Comparator.comparing((Endpoint e) -> !e.read())
                .thenComparing(e -> order.contains(e.toString()) ? order.indexOf(e.toString()) : order.size())
                .thenComparing(Endpoint::toString));
        List<String> walked = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.isPublic()) {
                continue;
            }
            softly.assertThat(endpoint.roles()).as(endpoint + " names who may call it (@Allowed)").isNotEmpty();
            if (endpoint.roles().isEmpty()) {
                continue;
            }
            String uri = uri(endpoint, fixture.values());
            Object body = fixture.bodies().getOrDefault(endpoint.toString(), Map.of());
            String actor = fixture.actors().getOrDefault(endpoint.toString(), "walker");
            String[] roles = endpoint.roles().toArray(String[]::new);
            List<String> wrongRoles = ROLES.stream().filter(r -> !endpoint.roles().contains(r)).toList();

            softly.assertThat(call(http, baseUrl, endpoint, uri, null, body).getStatusCode().value())
                    .as(endpoint + " without a token").isEqualTo(401);
            if (!wrongRoles.isEmpty()) {
                String wrong = TestIssuer.bearerOf(fixture.council(), actor, wrongRoles.toArray(String[]::new));
                softly.assertThat(call(http, baseUrl, endpoint, uri, wrong, body).getStatusCode().value())
                        .as(endpoint + " with every other role " + wrongRoles).isEqualTo(403);
            }
            ResponseEntity<String> other = call(http, baseUrl, endpoint, uri,
                    TestIssuer.bearerOf(fixture.otherCouncil(), actor, roles), body);
            softly.assertThat(other.getStatusCode().value() == 404 || (other.getStatusCode().value() != 401
                    && nothingOf(fixture.council(), other.getBody())))
                    .as(endpoint + " with " + fixture.otherCouncil() + "'s token answered " + other.getStatusCode()
                            + " " + other.getBody())
                    .isTrue();
            ResponseEntity<String> answer = call(http, baseUrl, endpoint, uri,
                    TestIssuer.bearerOf(fixture.council(), actor, roles), body);
            int status = answer.getStatusCode().value();
            if (endpoint.read()) {
                // a page may answer by sending the browser on (the dashboard, with the reader's own token)
                softly.assertThat(answer.getStatusCode().is2xxSuccessful() || endpoint.pattern().startsWith("/pages/")
                        && answer.getStatusCode().is3xxRedirection())
                        .as(endpoint + " with the right token answered " + status + " " + answer.getBody()).isTrue();
            } else {
                softly.assertThat(status).as(endpoint + " with the right token reaches its use case: "
                        + answer.getBody()).isNotIn(401, 403, 404);
            }
            walked.add(endpoint + " -> " + status);
        }
        softly.assertAll();
        return walked;
    }

    /** Nothing of {@code council}'s records: they all carry its name. */
    private static boolean nothingOf(String council, String body) {
        return body == null || !body.contains("\"" + council + "\"");
    }

    /**
     * A stream never ends: only its status is read, from the headers, and it is closed unread (a client that
     * drains a body on close, as Spring's does, would wait for ever).
     */
    private static ResponseEntity<String> stream(String baseUrl, String uri, String bearer) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl + uri)).header("Accept", "text/event-stream")
                .timeout(java.time.Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        try {
            java.net.http.HttpResponse<java.io.InputStream> response = STREAMS.send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return ResponseEntity.status(response.statusCode()).body("");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String uri(Endpoint endpoint, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(endpoint.pattern());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.getOrDefault(endpoint + "#" + name, values.get(name));
            assertThat(value).as("a fixture value for {" + name + "} of " + endpoint).isNotNull();
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        Map<String, String> query = new LinkedHashMap<>();
        for (String param : endpoint.requiredParams()) {
            String value = values.getOrDefault(endpoint + "#" + param, values.get(param));
            assertThat(value).as("a fixture value for ?" + param + " of " + endpoint).isNotNull();
            query.put(param, value);
        }
        if (!query.isEmpty()) {
            path.append('?');
            query.forEach((k, v) -> path.append(k).append('=').append(v).append('&'));
            path.setLength(path.length() - 1);
        }
        return path.toString();
    }

    private static ResponseEntity<String> call(RestClient http, String baseUrl, Endpoint endpoint, String uri,
            String bearer, Object body) {
        if (endpoint.pattern().endsWith("/stream")) {
            return stream(baseUrl, uri, bearer);
        }
        RestClient.RequestBodySpec request = http.method(endpoint.method()).uri(uri);
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        if (!endpoint.read()) {
            request.header("Content-Type", "application/json").body(body);
        }
        return request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(String.class);
    }
}
