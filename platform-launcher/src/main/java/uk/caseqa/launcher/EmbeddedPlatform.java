package uk.caseqa.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The README's run command: a real KRaft Kafka broker, the MongoDB wire-protocol server on H2 (data under
 * {@code .caseqa-data/}, kept across restarts), GreenMail as the SMTP server, the five services, and a demo journey.
 * Ports: Kafka 9092, MongoDB 27017, SMTP 1025, mailbox page 8025, services 8081-8085.
 */
public final class EmbeddedPlatform {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPlatform.class);

    private EmbeddedPlatform() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path data = Path.of(System.getProperty("caseqa.data", ".caseqa-data")).toAbsolutePath();
        Files.createDirectories(data);

        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.kafkaPorts(9092);
        kafka.brokerListProperty("caseqa.embedded.kafka.brokers");
        kafka.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();

        H2Backend backend = new H2Backend(data.resolve("mongo.mv").toString());
        MongoServer mongo = new MongoServer(backend);
        mongo.bind("127.0.0.1", 27017);

        GreenMail mail = new GreenMail(new ServerSetup(1025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        MailboxPage mailbox = new MailboxPage(mail, 8025);
        mailbox.start();

        RunningServices services = RunningServices.start(service -> {
            Map<String, Object> p = new HashMap<>();
            p.put("spring.cloud.stream.kafka.binder.brokers", kafka.getBrokersAsString());
            p.put("spring.mongodb.uri", "mongodb://127.0.0.1:27017/caseqa-" + service.configName());
            p.put("server.port", service.defaultPort());
            if (service == PlatformService.NOTIFICATION) {
                p.put("spring.mail.host", "127.0.0.1");
                p.put("spring.mail.port", 1025);
            }
            return p;
        });

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.close();
            mailbox.stop();
            mail.stop();
            mongo.shutdownNow();
            backend.close();
            kafka.destroy();
        }, "platform-stop"));

        // a new demo case each start: the mailbox is in memory, the data is kept, so counts grow across restarts
        String caseId = "case-demo-" + java.time.LocalDateTime.now().format(
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        DemoJourney.publish(kafka.getBrokersAsString(), "", DemoJourney.upstreamEvents(DemoJourney.COUNCIL,
                caseId, DemoJourney.TEAM));
        String audit = services.url(PlatformService.AUDIT);
        DemoJourney.auditInadequate(audit, services.url(PlatformService.MODERATION), caseId);
        int historyEvents = DemoHistory.load(services.context(PlatformService.REPORTING));
        String reporting = services.url(PlatformService.REPORTING);
        String lastMonth = java.time.YearMonth.now(java.time.ZoneId.of("Europe/London")).minusMonths(1).toString();
        double seconds = (System.nanoTime() - started) / 1e9;
        Runtime rt = Runtime.getRuntime();
        long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        System.out.printf("""

                ==================================================================================
                 Case QA platform is up in %.1f s (heap in use %d MB). Demo council: %s, case %s.
                 Kafka          %s            MongoDB  mongodb://127.0.0.1:27017 (data: %s)
                 Mailbox        http://localhost:8025/          (SMTP on localhost:1025)
                 Dashboard      %s/dashboard   (a generated year of %d events in 4 councils, live)
                 Board pack     %s/board/packs/%s/%s.pdf  (also .csv, .xlsx; any period)
                 Cases of concern %s/cases-of-concern?localAuthority=%s
                 API docs       %s/swagger-ui.html  (audit)   %s/swagger-ui.html  (moderation)
                                %s/swagger-ui.html  (concern) %s/swagger-ui.html  (reporting)
                                %s/swagger-ui.html  (notification)
                 Metrics        <service>/actuator/prometheus   Health <service>/actuator/health
                 The email appears within seconds, the whole board within a minute. Ctrl+C stops everything.
                ==================================================================================
                %n""", seconds, usedMb, DemoJourney.COUNCIL, caseId, kafka.getBrokersAsString(), data,
                reporting, historyEvents, reporting, DemoJourney.COUNCIL, lastMonth,
                services.url(PlatformService.CONCERN), DemoJourney.COUNCIL,
                audit, services.url(PlatformService.MODERATION), services.url(PlatformService.CONCERN),
                services.url(PlatformService.REPORTING), services.url(PlatformService.NOTIFICATION));
        log.info("platform running");
        Thread.currentThread().join();
    }
}
