package uk.caseqa.chaos;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.caseqa.launcher.DurableKafka;
import uk.caseqa.launcher.KafkaSignIn;
import uk.caseqa.launcher.PlatformService;
import uk.caseqa.launcher.ServiceProcess;
import uk.caseqa.launcher.ServiceProcesses;
import uk.caseqa.testsupport.CopyingMemoryBackend;
import uk.caseqa.testsupport.TopicProbe;

/**
 * The platform as separate OS processes: a durable KRaft broker (restartable on its own log directory), the Mongo
 * wire server and an SMTP server in this JVM, and each service replica as its own process on its executable jar,
 * every one reading the same rehearsal clock file, so the test moves their deadlines.
 */
final class ChaosPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChaosPlatform.class);
    static final Duration READY_WITHIN = Duration.ofMinutes(4);

    final Path dir;
    final Path clockFile;
    final int kafkaPort = freePort();
    final int controllerPort = freePort();
    final MongoServer mongo = new MongoServer(new CopyingMemoryBackend());
    final InetSocketAddress mongoAddress;
    final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    final List<ServiceProcess> replicas = new ArrayList<>();
    private volatile DurableKafka kafka;
    private Map<PlatformService, Map<String, Object>> kafkaSignIn = Map.of();

    /** A platform whose data is in {@code dir}, emptied first: each run starts from nothing. */
    static ChaosPlatform inEmptied(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return new ChaosPlatform(dir);
    }

    private TopicProbe topics;

    /** The test kit's view of every topic (as the administrator), closed with the platform. */
    synchronized TopicProbe topics() {
        if (topics == null) {
            topics = new TopicProbe(adminClient(), "");
        }
        return topics;
    }

    ChaosPlatform(Path dir) throws Exception {
        this.dir = dir;
        this.clockFile = dir.resolve("clock-offset");
        Files.createDirectories(dir);
        kafka = DurableKafka.start(dir.resolve("kafka"), kafkaPort, controllerPort);
        mongoAddress = mongo.bind();
        mail.start();
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** The test kit's client: the broker's administrator (it plays the case systems and reads every topic). */
    Map<String, Object> adminClient() {
        return kafka.adminClient();
    }

    /** Starts every replica named ({@code service -> replica count}) and waits until each is ready. */
    void startServices(Map<PlatformService, Integer> replicaCounts) throws Exception {
        kafkaSignIn = KafkaSignIn.services(kafka.adminClient(), "");
        for (PlatformService service : PlatformService.values()) {
            for (int r = 1; r <= replicaCounts.getOrDefault(service, 1); r++) {
                replicas.add(new ServiceProcess(service, String.valueOf(r), ServiceProcesses.jarOf(service),
                        ServiceProcesses.SMALL_JVM, properties(service), dir.resolve("logs")).start());
            }
        }
        for (int i = 0; i < replicas.size(); i++) {
            try {
                replicas.get(i).awaitReady(READY_WITHIN);
            } catch (ServiceProcess.EndedBeforeReady failed) {
                if (!failed.getMessage().contains("already in use")) {
                    throw failed; // a start that failed for any other reason is the story's failure
                }
                // its ports were found free a minute or two before a slow start bound them, and were taken
                // meanwhile: started once more on others, as the deployment's containers are restarted
                log.warn("{}\nstarting it once more on other ports", failed.getMessage());
                ServiceProcess again = replicas.get(i).onPorts(freePort(), freePort()).start();
                replicas.set(i, again);
                again.awaitReady(READY_WITHIN);
            }
        }
    }

    private Map<String, Object> properties(PlatformService service) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", freePort());
        p.put("management.server.port", freePort());
        p.put("spring.cloud.stream.kafka.binder.brokers", bootstrapServers());
        p.putAll(kafkaSignIn.get(service));
        p.put("spring.mongodb.uri", "mongodb://127.0.0.1:" + mongoAddress.getPort() + "/caseqa-" + service.configName());
        p.put("caseqa.clock.offset-file", clockFile.toString());
        p.put("caseqa.outbox.initial-delay", "0ms");
        // the processes fetch the test issuer's keys from this JVM over HTTP, as from an identity provider
        p.putAll(uk.caseqa.testsupport.TestIssuer.shared().properties());
        p.put("caseqa.parent-pid", ProcessHandle.current().pid()); // no orphans if this test JVM is killed
        // a killed replica's partitions move to the others after 6 s (the broker's minimum), not the default 45 s
        p.put("spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms", "6000");
        p.put("spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms", "2000");
        if (service == PlatformService.NOTIFICATION) {
            p.put("spring.mail.host", "127.0.0.1");
            p.put("spring.mail.port", mail.getSmtp().getPort());
            p.put("caseqa.mail.dispatch-interval", "200ms");
        }
        return p;
    }

    /** The first replica of a service (every replica answers the same REST API on its own port). */
    String url(PlatformService service) {
        return replicas.stream().filter(r -> r.service() == service && r.isAlive()).findFirst()
                .or(() -> replicas.stream().filter(r -> r.service() == service).findFirst()).orElseThrow().url();
    }

    /** Stops the broker (as an operator restarting it would) and starts it again on the same log directory. */
    void restartBroker() throws Exception {
        stopBroker();
        startBroker();
    }

    void stopBroker() {
        log.info("stopping the broker");
        kafka.close();
    }

    /** Starts the broker again on its log directory and port. */
    void startBroker() throws Exception {
        kafka = DurableKafka.start(dir.resolve("kafka"), kafkaPort, controllerPort);
        log.info("broker restarted on its log directory");
    }

    /** Moves every service's clock: they read {@code now + offset}. */
    void moveClockTo(Duration offset) throws IOException {
        Path next = dir.resolve("clock-offset.next");
        Files.writeString(next, offset.toString());
        Files.move(next, clockFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        log.info("every service's clock moved to now + {}", offset);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (topics != null) {
            topics.close();
        }
        replicas.forEach(ServiceProcess::close);
        mail.stop();
        mongo.shutdownNow();
        if (kafka != null) {
            kafka.close();
        }
    }
}
