package uk.caseqa.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.web.client.RestClient;
import uk.caseqa.launcher.DemoJourney;
import uk.caseqa.identity.LocalAuthorizationServer;
import uk.caseqa.launcher.PlatformService;
import uk.caseqa.launcher.RunningServices;
import uk.caseqa.testsupport.Infrastructure;
import uk.caseqa.testsupport.TestIsolation;
import uk.caseqa.testsupport.TopicProbe;

/** All five services on the shared broker and Mongo server, each with its own database, and a real SMTP server. */
final class Platform implements AutoCloseable {

    final Infrastructure infrastructure = Infrastructure.shared();
    final String isolation = TestIsolation.newName();
    final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    /** The launcher's own authorization server: every request of these tests carries one of its tokens. */
    final LocalAuthorizationServer identity = LocalAuthorizationServer.start(0);
    /** Each service's port, chosen before any starts, so the emails' links and the pages' sign-in know them. */
    final Map<PlatformService, Integer> ports = new java.util.EnumMap<>(PlatformService.class);
    final RunningServices services;
    final TopicProbe topics;

    Platform() {
        this(null);
    }

    /** With one clock all five services read, which a test moves; null: the system clock. */
    Platform(java.time.Clock clock) {
        mail.start();
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, freePort());
            identity.allowSignInAt("http://localhost:" + ports.get(service));
        }
        services = RunningServices.start(this::properties, clock);
        topics = new TopicProbe(infrastructure.kafkaAdminClient(), isolation + ".");
    }

    Map<String, Object> properties(PlatformService service) {
        Map<String, Object> p = new HashMap<>(TestIsolation.properties(infrastructure, isolation));
        p.putAll(identity.serviceProperties());
        p.putAll(identity.pagesProperties());
        p.put("spring.mongodb.uri", mongoUri(service));
        p.put("server.port", ports.get(service));
        ports.forEach((other, port) -> p.put("caseqa.links." + other.configName(), "http://localhost:" + port));
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", mail.getSmtp().getPort());
        p.put("caseqa.mail.dispatch-interval", "200ms");
        return p;
    }

    String mongoUri(PlatformService service) {
        return infrastructure.mongoUri(isolation + "-" + service.configName());
    }

    /** The {@code Authorization} header of a person of the council with these roles, from the authorization server. */
    String as(String council, String staffId, String... roles) {
        return identity.of(council, staffId, roles);
    }

    /** A demo person of the demo council, with their demo roles. */
    String demo(String staffId) {
        return identity.of(DemoJourney.COUNCIL, staffId, LocalAuthorizationServer.PEOPLE.stream()
                .filter(p -> p.staffId().equals(staffId)).findFirst().orElseThrow().roles().toArray(String[]::new));
    }

    /** A client for a service, as this person. */
    RestClient client(PlatformService service, String bearer) {
        return RestClient.builder().baseUrl(url(service)).defaultHeader("Authorization", bearer).build();
    }

    String url(PlatformService service) {
        return services.url(service);
    }

    /** Stops a service and starts it again with these extra properties (an empty map: as configured). */
    void restart(PlatformService service, Map<String, Object> extra) {
        services.stop(service);
        Map<String, Object> p = properties(service);
        p.putAll(extra);
        services.start(service, p);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        topics.close();
        services.close();
        identity.close();
        mail.stop();
    }
}
