package uk.caseqa.launcher;

import uk.caseqa.identity.LocalAuthorizationServer;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The README's run command: a real KRaft Kafka broker and the MongoDB wire-protocol server on H2, both keeping their
 * data under {@code .caseqa-data/} across restarts (and a {@code kill -9}), GreenMail as the SMTP server, the five
 * services, and a demo journey. Ports: Kafka 9092 (its controller 9093), MongoDB 27017, SMTP 1025, mailbox page 8025,
 * services 8081-8085; a port already taken stops the start with a message naming it. With {@code --processes}, each
 * service runs as its own OS process on its executable jar (the jar its container image runs), with its log in
 * {@code .caseqa-data/logs/}, so one service can be killed, restarted or run twice on its own.
 */
public final class EmbeddedPlatform {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPlatform.class);

    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    /**
     * Threads of the store's wire server. Each connection is served by one of them, and a write waits there for its
     * commit (the store commits each write before acknowledging it, DurableH2Backend); with the server's default of
     * two per core, one write waiting for the commit lock held up every connection sharing its thread. With one
     * thread for about each connection the services' pools open, at 10 Inadequate submissions a second the service
     * manager's email came in about a second instead of 25 (docs/performance.md); the threads mostly wait.
     */
    static final int STORE_CONNECTION_THREADS = 64;
    private static final Map<Integer, String> PORTS = ports();

    private EmbeddedPlatform() {
    }

    private static Map<Integer, String> ports() {
        Map<Integer, String> ports = new java.util.LinkedHashMap<>();
        ports.put(KAFKA_PORT, "Kafka");
        ports.put(KAFKA_CONTROLLER_PORT, "Kafka's controller");
        ports.put(27017, "MongoDB");
        ports.put(1025, "SMTP");
        ports.put(8025, "the mailbox page");
        ports.put(LocalAuthorizationServer.PORT, "the local authorization server");
        for (PlatformService service : PlatformService.values()) {
            ports.put(service.defaultPort(), service.configName());
            ports.put(service.managementPort(), service.configName() + "'s actuator");
        }
        return ports;
    }

    /** Every port the platform listens on is free, or the start stops here, naming the ones taken. */
    public static void requireFreePorts() {
        List<String> taken = new java.util.ArrayList<>();
        PORTS.forEach((port, what) -> {
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            } catch (java.io.IOException inUse) {
                taken.add(port + " (" + what + ")");
            }
        });
        if (!taken.isEmpty()) {
            System.err.println("Cannot start: port " + String.join(", ", taken) + " already in use. Is the platform"
                    + " (or another Kafka, MongoDB or SMTP server) already running? Stop it and start again.");
            System.exit(2);
        }
    }

    /**
     * The embedded run's infrastructure and services, without the demo data: a durable broker and store under
     * {@code data}, GreenMail, the mailbox page, the local authorization server, and the five services in this JVM
     * or ({@code processes}) as OS processes; on the fixed ports above. The benchmark starts the platform through here
     * too, so it measures what a user runs.
     */
    public static Running start(Path data, boolean processes) throws Exception {
        Files.createDirectories(data);
        DurableKafka kafka = DurableKafka.start(data.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT);

        H2Backend backend = new DurableH2Backend(data.resolve("mongo.mv").toString());
        MongoServer mongo = new MongoServer(backend);
        mongo.bind(new java.net.InetSocketAddress("127.0.0.1", 27017), 1, STORE_CONNECTION_THREADS);

        GreenMail mail = new GreenMail(new ServerSetup(1025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        BoundedMailboxes mailboxes = new BoundedMailboxes(mail, BoundedMailboxes.KEEP).start(java.time.Duration.ofSeconds(5));
        MailboxPage mailbox = new MailboxPage(mail, 8025);
        mailbox.start();

        LocalAuthorizationServer identity = LocalAuthorizationServer.start(LocalAuthorizationServer.PORT);

        java.util.function.Function<PlatformService, Map<String, Object>> settings = settings(kafka, identity, processes);
        PlatformServices services = processes
                ? ServiceProcesses.start(settings, data.resolve("logs"), ServiceProcesses.SMALL_JVM,
                        java.time.Duration.ofMinutes(3))
                : RunningServices.start(settings);
        return new Running(data, kafka, backend, mongo, mail, mailboxes, mailbox, identity, settings, services);
    }

    /** Each service's properties in the embedded run: signed in to Kafka as itself, its own database, fixed ports. */
    static java.util.function.Function<PlatformService, Map<String, Object>> settings(DurableKafka kafka,
            LocalAuthorizationServer identity, boolean processes) {
        Map<PlatformService, Map<String, Object>> kafkaSignIn = KafkaSignIn.services(kafka.adminClient(), "");
        return service -> {
            Map<String, Object> p = new HashMap<>(kafkaSignIn.get(service));
            p.put("spring.cloud.stream.kafka.binder.brokers", kafka.bootstrapServers());
            p.put("spring.mongodb.uri", "mongodb://127.0.0.1:27017/caseqa-" + service.configName());
            p.put("server.port", service.defaultPort());
            p.put("management.server.port", service.managementPort());
            p.putAll(identity.serviceProperties());
            p.putAll(identity.pagesProperties());
            if (service == PlatformService.NOTIFICATION) {
                p.put("spring.mail.host", "127.0.0.1");
                p.put("spring.mail.port", 1025);
            }
            if (processes) {
                // each service process stops when this launcher is gone, even after a kill -9 of it
                p.put("caseqa.parent-pid", ProcessHandle.current().pid());
            }
            return p;
        };
    }

    /** A started platform; {@link #close} stops the services, then the mailbox, the store and Kafka. */
    public record Running(Path data, DurableKafka kafka, H2Backend backend, MongoServer mongo, GreenMail mail,
            BoundedMailboxes mailboxes, MailboxPage mailbox, LocalAuthorizationServer identity,
            java.util.function.Function<PlatformService, Map<String, Object>> settings, PlatformServices services)
            implements AutoCloseable {

        /** What the embedded store has been asked and has done ({@link StoreActivity}); {@link #start} gives it. */
        public StoreActivity storeActivity() {
            return ((DurableH2Backend) backend).activity();
        }

        @Override
        public void close() {
            log.info("stopping: the services, then the mailbox, the store and Kafka");
            services.close();
            identity.close();
            mailbox.stop();
            mailboxes.close();
            mail.stop();
            mongo.shutdownNow();
            backend.close();
            kafka.close();
            log.info("stopped; the data stays in {}", data);
        }
    }

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--provision-kafka")) {
            // docker-compose's kafka-access step: the users and ACLs of the services and case systems, then exit
            log.info("Kafka access provisioned: {}", KafkaSignIn.provision(System.getenv()));
            return;
        }
        if (java.util.Arrays.asList(args).contains("--seed-demo")) {
            // docker-compose's seed step: the demo council's staff, case and Inadequate audit, over Kafka and HTTP
            log.info("demo data: {}", DemoSeed.run(System.getenv()));
            return;
        }
        if (java.util.Arrays.asList(args).contains("--authorization-server-only")) {
            // docker-compose's identity container: the same issuer as the embedded run, and nothing else
            LocalAuthorizationServer identity = LocalAuthorizationServer.start(LocalAuthorizationServer.PORT,
                    "local-authorization-server");
            Runtime.getRuntime().addShutdownHook(new Thread(identity::close, "identity-stop"));
            log.info("local authorization server: issuer {}, keys {}; {}", identity.issuer(), identity.jwkSetUri(),
                    identity.howToGetAToken("swindon", "qa"));
            Thread.currentThread().join();
            return;
        }
        long started = System.nanoTime();
        Path data = Path.of(System.getProperty("caseqa.data", ".caseqa-data")).toAbsolutePath();
        requireFreePorts();
        boolean processes = java.util.Arrays.asList(args).contains("--processes");
        Running platform = start(data, processes);
        DurableKafka kafka = platform.kafka();
        LocalAuthorizationServer identity = platform.identity();
        PlatformServices services = platform.services();
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-stop"));

        // a new demo case each start: the mailbox is in memory, the data is kept, so counts grow across restarts
        String caseId = "case-demo-" + java.time.LocalDateTime.now().format(
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        DemoJourney.publish(KafkaSignIn.caseSystem(kafka.adminClient(), DemoJourney.COUNCIL, ""), "",
                DemoJourney.upstreamEvents(DemoJourney.COUNCIL,
                caseId, DemoJourney.TEAM));
        String audit = services.url(PlatformService.AUDIT);
        DemoJourney.auditInadequate(identity, audit, services.url(PlatformService.MODERATION), caseId);
        // the generated history goes straight into reporting-service's projection: in this JVM only
        int historyEvents = services instanceof RunningServices inJvm
                ? DemoHistory.load(inJvm.context(PlatformService.REPORTING)) : 0;
        String reporting = services.url(PlatformService.REPORTING);
        String lastMonth = java.time.YearMonth.now(java.time.ZoneId.of("Europe/London")).minusMonths(1).toString();
        double seconds = (System.nanoTime() - started) / 1e9;
        Runtime rt = Runtime.getRuntime();
        long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        System.out.printf("""

                ==================================================================================
                 Case QA platform is up in %.1f s (heap in use %d MB). Demo council: %s, case %s.
                 Kafka          %s (SASL: each service signs in as itself; administrator in
                                %s)
                 MongoDB        mongodb://127.0.0.1:27017 (data: %s)
                 Mailbox        http://localhost:8025/          (SMTP on localhost:1025)
                 Pages          %s/pages/my-work  (sign in as <council>-<role>, password %s:
                                swindon-auditor, swindon-qa, swindon-service-manager, swindon-iro, ...)
                                the demo case of concern: %s/pages/cases-of-concern/coc-<audit> (in the email)
                 Dashboard      %s/dashboard#token=%s
                                (a board reader of %s, for an hour; live; %s)
                 Services       %s
                 Sign in        every request carries a token from the local authorization server, %s:
                                TOKEN=$(%s | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                                curl -H "Authorization: Bearer $TOKEN" %s/cases-of-concern
                                demo people in each council (client <council>-<role>, secret %s):
                                %s
                 Board pack     %s/board/packs/%s/%s.pdf  (a board reader's token; also .csv, .xlsx)
                 API docs       %s/swagger-ui.html  (audit)   %s/swagger-ui.html  (moderation)
                                %s/swagger-ui.html  (concern) %s/swagger-ui.html  (reporting)
                                %s/swagger-ui.html  (notification)
                 Actuator       on each service's port + 1000 (http://localhost:9081-9085/actuator/health;
                                prometheus and details with an OPS token)
                 The email appears within seconds, the whole board within a minute. Ctrl+C stops everything.
                ==================================================================================
                %n""", seconds, usedMb, DemoJourney.COUNCIL, caseId, kafka.bootstrapServers(),
                DurableKafka.adminFile(data.resolve("kafka")), data,
                services.url(PlatformService.NOTIFICATION), LocalAuthorizationServer.SECRET,
                services.url(PlatformService.CONCERN),
                reporting, identity.of(DemoJourney.COUNCIL, "board-reader-demo", "BOARD_READER").substring(7),
                DemoJourney.COUNCIL, processes ? "the generated year of 4 councils is loaded in the one-JVM run only"
                        : "a generated year of " + historyEvents + " events in 4 councils", processes
                        ? "one OS process each (--processes), logs in " + data.resolve("logs") + ", pids "
                                + ((ServiceProcesses) services).processes().stream()
                                        .map(p -> p.name() + "=" + p.pid()).toList()
                        : "in this JVM (./run-platform --processes: one OS process each)",
                identity.issuer(), identity.howToGetAToken(DemoJourney.COUNCIL, "service-manager"),
                services.url(PlatformService.CONCERN), LocalAuthorizationServer.SECRET,
                LocalAuthorizationServer.PEOPLE.stream().map(p -> p.role() + " (" + p.what() + ")")
                        .collect(java.util.stream.Collectors.joining(",\n                                ")),
                reporting, DemoJourney.COUNCIL, lastMonth,
                audit, services.url(PlatformService.MODERATION), services.url(PlatformService.CONCERN),
                services.url(PlatformService.REPORTING), services.url(PlatformService.NOTIFICATION));
        log.info("platform running");
        Thread.currentThread().join();
    }
}
