package uk.caseqa.benchmarks;

import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.launcher.DemoJourney;
import uk.caseqa.launcher.EmbeddedPlatform;
import uk.caseqa.launcher.KafkaSignIn;
import uk.caseqa.launcher.PlatformService;
import uk.caseqa.launcher.RunningServices;
import uk.caseqa.launcher.ServiceProcess;
import uk.caseqa.launcher.ServiceProcesses;
import uk.caseqa.launcher.StoreActivity;

/**
 * The platform's benchmark: the embedded run as a user starts it (a durable KRaft broker, the MongoDB wire server on
 * H2, GreenMail, the five services in one JVM), measured in one run on one machine. Prints figures and writes them to
 * {@code target/platform-benchmark.json}; it never passes or fails.
 * <ol>
 *   <li><b>Inadequate grade to the service manager's inbox, with little history</b>: about 1,500 cases and audits
 *   stored. Audits of an unmoderated type (thematic) are allocated beforehand; then submissions at fixed rates (2,
 *   10, 50, 100 a second), half of them Inadequate, are sent open-loop from a schedule. Each Inadequate one opens a
 *   case of concern whose email to the service manager GreenMail accepts; its latency runs from the submission's
 *   intended time (so a stalled submitter cannot hide queueing: the coordinated-omission correction) to the moment
 *   GreenMail stores it, recorded in an HdrHistogram. Before the steps, a warm-up that is not counted: 100
 *   submissions at 10 a second, then 250 at 50 a second, whose figures are printed (with little history, they are
 *   the cold start's). After each step the next waits until no email has come for five seconds and the platform is
 *   at rest (at most 0.6 cores busy over a second, waiting about a minute at most), so that a step does not meet the
 *   background work the one before it left.</li>
 *   <li><b>Case-event ingest against the raw ceiling</b>, in alternating rounds of N {@code CaseOpened} events: a
 *   plain Kafka consumer that parses each event and bulk-upserts each poll into the same store (the ceiling: no
 *   domain work, no idempotence, no validation beyond parsing), then the same number through audit-service's
 *   registry (its case binding stopped while they are published, then started; notification-service's copy of them
 *   is held back until the round is timed). Each is timed from its first records in hand (the start of its first
 *   poll's work) to the end of its last poll, counting every event (neither's wait for its first fetch, nor the
 *   binding's start, is timed). The rounds bring the registry to 100,000 cases.</li>
 *   <li><b>The same latency at 100,000 stored cases and audits</b>: the stored audits are brought to 100,000 by
 *   copying the finished ones in every service's store (new ids, nothing left to publish), then the fixed-rate phase
 *   runs again.</li>
 *   <li><b>Memory</b>: the resident set of this JVM (the platform, plus the load generator) after start, after each
 *   phase; then the five services are started again as OS processes (the embedded run's {@code --processes}) on the
 *   same store, and each one's resident set is read.</li>
 * </ol>
 * Run: {@code ./mvnw -q -B install -DskipTests && ./mvnw -q -B -pl benchmarks exec:exec}; the ports of the embedded
 * run must be free. {@code -Dbenchmark.cases=100000} sets the cases stored by the ingest rounds;
 * {@code -Dbenchmark.latency=false} measures ingest and memory only.
 */
public final class PlatformBenchmark {

    private static final String COUNCIL = DemoJourney.COUNCIL;
    private static final String MANAGER_EMAIL = "service.manager@council.example";
    private static final Pattern CASE_OF_CONCERN = Pattern.compile("coc-([A-Za-z0-9-]+)");
    private static final int[] RATES = {2, 10, 50, 100};
    private static final int[] SECONDS = {20, 15, 10, 5};
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Submissions of the warm-up, not counted: at 10 a second, then a burst at 50 a second. */
    private static final int WARM_UP_AT_10 = 100;
    private static final int WARM_UP_AT_50 = 250;
    private static final Map<String, Object> results = new LinkedHashMap<>();

    private final EmbeddedPlatform.Running platform;
    private final RunningServices services;
    private final Map<String, Long> emailArrivals = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<long[]> arrivals = new ConcurrentLinkedQueue<>();
    private MailFolder inbox;
    private long lastUid;
    private int casesPublished;

    private PlatformBenchmark(EmbeddedPlatform.Running platform) {
        this.platform = platform;
        this.services = (RunningServices) platform.services();
    }

    public static void main(String[] args) throws Exception {
        int totalCases = Integer.getInteger("benchmark.cases", 100_000);
        int rounds = Integer.getInteger("benchmark.rounds", 4);
        Path data = Files.createTempDirectory("caseqa-benchmark");
        EmbeddedPlatform.requireFreePorts();
        long started = System.nanoTime();
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "maxHeapMb",
                Runtime.getRuntime().maxMemory() >> 20, "java", System.getProperty("java.version")));
        try (EmbeddedPlatform.Running platform = EmbeddedPlatform.start(data, false)) {
            System.out.printf("platform started in %.1f s; resident %d MB%n", (System.nanoTime() - started) / 1e9,
                    residentMb(ProcessHandle.current().pid()));
            results.put("residentMbAfterStart", residentMb(ProcessHandle.current().pid()));
            PlatformBenchmark benchmark = new PlatformBenchmark(platform);
            benchmark.run(totalCases, rounds);
        }
        write();
        System.exit(0);
    }

    private void run(int totalCases, int rounds) throws Exception {
        watchTheManagersInbox();
        DemoJourney.publish(caseSystem(), "", DemoJourney.upstreamEvents(COUNCIL, "case-bench-staff", DemoJourney.TEAM));
        int perLevel = 0;
        for (int i = 0; i < RATES.length; i++) {
            perLevel += RATES[i] * SECONDS[i];
        }
        int warmUp = WARM_UP_AT_10 + WARM_UP_AT_50;

        boolean latency = Boolean.parseBoolean(System.getProperty("benchmark.latency", "true"));
        Map<String, Object> little = null;
        if (latency) {
            // 1. little history
            List<String> small = newCases(perLevel + warmUp);
            awaitConsumed(PlatformService.AUDIT, "CaseOpened", casesPublished, Duration.ofMinutes(5));
            little = latencies("history-small", small);
            results.put("latencyWithLittleHistory", little);
            results.put("residentMbAfterSmallHistory", residentMb(ProcessHandle.current().pid()));
        }

        // 2. ingest rounds against the raw ceiling, up to the total number of cases
        int perRound = Math.max(1000, (totalCases - casesPublished - perLevel) / rounds);
        ingestRounds(rounds, perRound);
        results.put("residentMbAfterIngest", residentMb(ProcessHandle.current().pid()));

        // 3. a long history: stored audits (and what every service keeps of them) copied up to 100,000
        Map<String, Object> lots = null;
        if (latency) {
            List<String> large = newCases(perLevel + warmUp);
            awaitConsumed(PlatformService.AUDIT, "CaseOpened", casesPublished, Duration.ofMinutes(10));
            results.put("storedAfterCopying", copyHistory(Math.max(100_000, totalCases)));
            lots = latencies("history-large", large);
            results.put("latencyWithLongHistory", lots);
        }
        System.gc();
        java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean()
                .getHeapMemoryUsage();
        // the collector gives memory back to the system in the background after a collection: read the resident set
        // once it has stopped falling (at most 10 s)
        long resident = residentMb(ProcessHandle.current().pid());
        for (int second = 0; second < 10; second++) {
            Thread.sleep(1000);
            long now = residentMb(ProcessHandle.current().pid());
            if (now >= resident) {
                break;
            }
            resident = now;
        }
        results.put("residentMbAfterAll", resident);
        results.put("heapMbAfterAll", Map.of("used", heap.getUsed() >> 20, "committed", heap.getCommitted() >> 20));
        System.out.printf("resident memory of the embedded run after %,d cases: %d MB (target <= 1536 MB); heap in use"
                + " after a full collection %d MB of %d MB committed%n", casesPublished, resident, heap.getUsed() >> 20,
                heap.getCommitted() >> 20);
        if (latency) {
            compare(little, lots);
        }

        // 4. each service as its own process, on the same store and broker
        if (Boolean.parseBoolean(System.getProperty("benchmark.processes", "true"))) {
            processesMemory();
        }
    }

    // ---------------------------------------------------------------------------------------------- the mailbox

    private void watchTheManagersInbox() throws Exception {
        var user = platform.mail().setUser(MANAGER_EMAIL, MANAGER_EMAIL, "benchmark");
        inbox = platform.mail().getManagers().getImapHostManager().getInbox(user);
        inbox.addListener(new FolderListener() {
            @Override
            public void added(int messageNumber) {
                arrivals.add(new long[] {System.nanoTime(), messageNumber});
            }

            @Override
            public void expunged(int messageNumber) {
            }

            @Override
            public void flagsUpdated(int messageNumber, jakarta.mail.Flags flags, Long uid) {
            }

            @Override
            public void mailboxDeleted() {
            }
        });
    }

    /**
     * Matches the emails arrived since the last call to the audits they are about (their case of concern's link). The
     * inbox keeps its newest emails only (it removes older ones every few seconds), so an arrival is matched by order
     * of UID, which no removal changes, not by its message number, which does.
     */
    private void readArrivals() throws Exception {
        List<Long> times = new ArrayList<>();
        long[] arrival;
        while ((arrival = arrivals.poll()) != null) {
            times.add(arrival[0]);
        }
        if (times.isEmpty()) {
            return;
        }
        List<StoredMessage> fresh = List.copyOf(inbox.getMessages()).stream().filter(m -> m.getUid() > lastUid)
                .sorted(java.util.Comparator.comparingLong(StoredMessage::getUid)).toList();
        if (fresh.size() < times.size()) {
            // the oldest removed before they were read: their arrivals are the first ones
            System.out.printf("%d email(s) removed from the inbox before they were read%n",
                    times.size() - fresh.size());
            times = times.subList(times.size() - fresh.size(), times.size());
        }
        // both in the order the inbox received them (a copy: the inbox changes as emails come and go); an email
        // whose arrival is not yet told waits for the next call
        for (int i = 0; i < Math.min(times.size(), fresh.size()); i++) {
            StoredMessage message = fresh.get(i);
            lastUid = message.getUid();
            Object content = message.getMimeMessage().getContent();
            String text = content instanceof String s ? s : bodyOf(content);
            Matcher matcher = CASE_OF_CONCERN.matcher(message.getMimeMessage().getSubject() + " " + text);
            if (matcher.find()) {
                emailArrivals.putIfAbsent(matcher.group(1), times.get(i));
            }
        }
    }

    private static String bodyOf(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                Object part = multipart.getBodyPart(i).getContent();
                text.append(part instanceof String s ? s : bodyOf(part));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }

    // ---------------------------------------------------------------------------------------------- cases

    private Map<String, Object> caseSystem() {
        return KafkaSignIn.caseSystem(platform.kafka().adminClient(), COUNCIL, "");
    }

    private List<String> newCases(int count) {
        List<String> ids = new ArrayList<>();
        List<EventEnvelope<? extends EventPayload>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String caseId = "case-b-" + (casesPublished + i);
            ids.add(caseId);
            events.add(caseOpened(caseId));
        }
        publish(events);
        return ids;
    }

    private static EventEnvelope<CaseOpened> caseOpened(String caseId) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:case-management", Instant.now(), caseId,
                COUNCIL, "bench-" + caseId, new CaseOpened(caseId, Cohort.CP, "svc-safeguarding", DemoJourney.TEAM,
                        "staff-sw-demo", "staff-tm-north", DemoJourney.SERVICE_MANAGER, DemoJourney.IRO));
    }

    private void publish(List<EventEnvelope<? extends EventPayload>> events) {
        Properties props = new Properties();
        props.putAll(caseSystem());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (EventEnvelope<? extends EventPayload> event : events) {
                producer.send(new ProducerRecord<>(topic(), event.subject().getBytes(StandardCharsets.UTF_8),
                        EventJson.write(event)));
            }
            producer.flush();
        }
        casesPublished += events.size();
    }

    private static String topic() {
        return caseOpened("x").eventType().stream().topicFor(COUNCIL);
    }

    private double consumed(PlatformService service, String type) {
        return services.context(service).getBean(MeterRegistry.class).counter("caseqa.events.consumed", "type", type)
                .count();
    }

    private void awaitConsumed(PlatformService service, String type, double count, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (consumed(service, type) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service + " consumed " + consumed(service, type) + " " + type
                        + ", not " + count + ", within " + atMost);
            }
            LockSupport.parkNanos(20_000_000);
        }
    }

    // ---------------------------------------------------------------------------------------------- ingest

    private void ingestRounds(int rounds, int perRound) throws Exception {
        List<Double> raw = new ArrayList<>();
        List<Double> service = new ArrayList<>();
        BindingsLifecycleController audit = services.context(PlatformService.AUDIT)
                .getBean(BindingsLifecycleController.class);
        BindingsLifecycleController notification = services.context(PlatformService.NOTIFICATION)
                .getBean(BindingsLifecycleController.class);
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:27017")) {
            for (int round = 1; round <= rounds; round++) {
                audit.changeState("caseEvents-in-0", BindingsLifecycleController.State.STOPPED);
                notification.changeState("caseEvents-in-0", BindingsLifecycleController.State.STOPPED);
                Map<TopicPartition, Long> from = endOffsets();
                newCases(perRound);
                double rawRate = rawCeiling(mongo.getDatabase("bench-raw"), from, perRound);
                mongo.getDatabase("bench-raw").drop();
                double serviceRate = serviceRate(audit, perRound);
                notification.changeState("caseEvents-in-0", BindingsLifecycleController.State.STARTED);
                awaitConsumed(PlatformService.NOTIFICATION, "CaseOpened", casesPublished, Duration.ofMinutes(10));
                raw.add(rawRate);
                service.add(serviceRate);
                System.out.printf("ingest round %d: %,d events; raw ceiling %,.0f events/s, audit-service %,.0f"
                        + " events/s (%.2fx); %,d cases stored%n", round, perRound, rawRate, serviceRate,
                        serviceRate / rawRate, casesPublished);
            }
        }
        double rawMedian = median(raw);
        double serviceMedian = median(service);
        results.put("ingest", Map.of("eventsPerRound", perRound, "rawEventsPerSecond", raw,
                "serviceEventsPerSecond", service, "rawMedian", rawMedian, "serviceMedian", serviceMedian,
                "ratio", serviceMedian / rawMedian));
        System.out.printf("INGEST: audit-service %,.0f events/s = %.2fx the raw ceiling of %,.0f events/s"
                + " (medians of %d rounds; target >= 0.50)%n", serviceMedian, serviceMedian / rawMedian, rawMedian,
                rounds);
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    private KafkaConsumer<byte[], byte[]> rawConsumer() {
        Properties props = new Properties();
        props.putAll(platform.kafka().adminClient());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props);
    }

    /** A plain consumer: poll, parse each event, one bulk upsert per poll, commit. Events per second. */
    private double rawCeiling(MongoDatabase database, Map<TopicPartition, Long> from, int count) {
        MongoCollection<Document> cases = database.getCollection("cases");
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer()) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            int read = 0;
            long first = 0;
            long last = 0;
            while (read < count) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (first == 0 && !records.isEmpty()) {
                    first = System.nanoTime(); // timed from the first records in hand, as the service is
                }
                List<WriteModel<Document>> upserts = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    EventEnvelope<EventPayload> event = EventJson.read(record.value());
                    CaseOpened opened = event.as(CaseOpened.class).data();
                    String id = event.localAuthority() + "/" + opened.caseId();
                    upserts.add(new ReplaceOneModel<>(new Document("_id", id), new Document("_id", id)
                            .append("caseId", opened.caseId()).append("localAuthority", event.localAuthority())
                            .append("teamId", opened.teamId()).append("serviceId", opened.serviceId())
                            .append("cohort", opened.cohort().name()).append("open", true)
                            .append("lastEventId", event.id()), new ReplaceOptions().upsert(true)));
                }
                if (!upserts.isEmpty()) {
                    cases.bulkWrite(upserts);
                    consumer.commitSync();
                    read += upserts.size();
                    last = System.nanoTime();
                }
            }
            return read * 1e9 / (last - first);
        }
    }

    /**
     * Starts the binding and times audit-service's consumption of {@code count} events: from the start of its first
     * poll's work (when the first poll's events are stored, less the time its polls so far took on average:
     * {@code caseqa.case-events.polls} and {@code poll-time}) to the end of its last, counting every event, as the raw
     * loop is timed from its first records in hand. Its threads (one a partition) take their first polls together, so
     * timing from a first poll's end would leave the others' work untimed. Events per second.
     */
    private double serviceRate(BindingsLifecycleController bindings, int count) {
        MeterRegistry meters = services.context(PlatformService.AUDIT).getBean(MeterRegistry.class);
        io.micrometer.core.instrument.DistributionSummary polls = meters.get("caseqa.case-events.polls").summary();
        io.micrometer.core.instrument.Timer pollTime = meters.get("caseqa.case-events.poll-time").timer();
        double eventsBefore = polls.totalAmount();
        double nanosBefore = pollTime.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS);
        long pollsBefore = pollTime.count();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        bindings.changeState("caseEvents-in-0", BindingsLifecycleController.State.STARTED);
        long start = 0;
        while (true) {
            // the events, not the polls: a poll's time is recorded before its events
            double done = polls.totalAmount() - eventsBefore;
            long now = System.nanoTime();
            if (start == 0 && done > 0) {
                double took = (pollTime.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) - nanosBefore)
                        / Math.max(1, pollTime.count() - pollsBefore);
                start = now - (long) took;
            }
            if (done >= count) {
                return done * 1e9 / (now - start);
            }
            if (now > deadline) {
                throw new IllegalStateException("audit-service stored " + done + " of the round's " + count
                        + " case events within 10 minutes (dead-lettered? see its log)");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    // ---------------------------------------------------------------------------------------------- latency

    private Map<String, Object> latencies(String label, List<String> caseIds) throws Exception {
        RestClient audit = RestClient.create(services.url(PlatformService.AUDIT));
        String qa = platform.identity().of(COUNCIL, DemoJourney.QA_MANAGER, "QA_TEAM", "PANEL_MEMBER", "MODERATOR");
        String auditor = platform.identity().of(COUNCIL, DemoJourney.AUDITOR, "AUDITOR", "TEAM_MANAGER");
        List<String> audits = Collections.synchronizedList(new ArrayList<>());
        long allocating = System.nanoTime();
        ExecutorService allocators = Executors.newFixedThreadPool(4);
        for (String caseId : caseIds) {
            allocators.execute(() -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> allocated = audit.post().uri("/audits").header("Authorization", qa)
                        .body(Map.of("caseId", caseId, "auditorId", DemoJourney.AUDITOR, "auditType", "THEMATIC"))
                        .retrieve().body(Map.class);
                audits.add((String) allocated.get("auditId"));
            });
        }
        allocators.shutdown();
        allocators.awaitTermination(30, TimeUnit.MINUTES);
        System.out.printf("%s: %d audits allocated in %.1f s%n", label, audits.size(),
                (System.nanoTime() - allocating) / 1e9);
        Collections.sort(audits);
        settle(label);
        // each overall grade's domain grades, as the template's form gives them
        Map<String, Map<String, String>> grades = new LinkedHashMap<>();
        Map<String, String> inadequate = DemoJourney.everyDomain(audit, auditor, audits.get(0), "INADEQUATE", Map.of());
        Map<String, String> good = DemoJourney.everyDomain(audit, auditor, audits.get(0), "GOOD", Map.of());
        grades.put("INADEQUATE", inadequate);
        grades.put("GOOD", good);

        ExecutorService submitters = Executors.newFixedThreadPool(48);
        Map<String, Object> figures = new LinkedHashMap<>();
        int next = 0;
        // warm-up, not counted: the same work at 10 a second, then a burst at 50 a second, so that the measured
        // steps meet the compiled code of a platform that has been running, not the JIT compiler's first minutes;
        // the burst's figures are printed (with little history, the cold start's), then the platform comes to rest
        step(audit, auditor, grades, audits.subList(next, next + WARM_UP_AT_10), 10, submitters, null);
        next += WARM_UP_AT_10;
        Histogram cold = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        Map<String, Object> coldStep = step(audit, auditor, grades, audits.subList(next, next + WARM_UP_AT_50), 50,
                submitters, cold);
        next += WARM_UP_AT_50;
        figures.put("warmUpAt50/s", coldStep);
        System.out.printf("%s warm-up at 50 audits/s (not counted): Inadequate -> SMTP p50 %,.0f ms, p99 %,.0f ms"
                + " (%d emails, %d missing)%n", label, coldStep.get("p50Ms"), coldStep.get("p99Ms"),
                coldStep.get("emails"), coldStep.get("missing"));
        settle(label + " warm-up");
        double firstP99 = -1;
        Integer turnsUpAt = null;
        for (int i = 0; i < RATES.length; i++) {
            int count = RATES[i] * SECONDS[i];
            Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
            double referenceBefore = ReferenceWork.processorMillis();
            long stepStarted = System.nanoTime();
            long processorAtStart = processorNanos();
            StoreActivity storeAtStart = platform.storeActivity();
            ProcessorByThread threadsAtStart = ProcessorByThread.now();
            Map<String, Object> step = step(audit, auditor, grades, audits.subList(next, next + count), RATES[i],
                    submitters, histogram);
            next += count;
            Quiet quiet = settle(label + " " + RATES[i] + "/s");
            processorPerSubmission(step, count, quiet.since() - stepStarted, quiet.processor() - processorAtStart,
                    quiet.quietCores());
            storePerSubmission(step, count, quiet.store().since(storeAtStart));
            threadsPerSubmission(step, count, quiet.threads().since(threadsAtStart));
            machineSpeed(step, referenceBefore, ReferenceWork.processorMillis());
            double p99 = histogram.getValueAtPercentile(99) / 1000.0;
            if (firstP99 < 0) {
                firstP99 = p99;
            } else if (turnsUpAt == null && p99 > 2 * firstP99) {
                turnsUpAt = RATES[i];
            }
            figures.put(RATES[i] + "/s", step);
            System.out.printf("%s %3d audits/s: Inadequate -> SMTP p50 %,.0f ms, p99 %,.0f ms, p99.9 %,.0f ms,"
                    + " max %,.0f ms (%d emails, %d missing; submissions p99 %,.0f ms)%n", label, RATES[i],
                    step.get("p50Ms"), step.get("p99Ms"), step.get("p999Ms"), step.get("maxMs"), step.get("emails"),
                    step.get("missing"), step.get("submitP99Ms"));
            System.out.printf("%s %3d audits/s: %.0f ms of processor time a submission, %.1f of %d cores busy until"
                    + " the platform was quiet (%.2f cores after): at most %.0f submissions a second%n", label,
                    RATES[i], step.get("processorMsPerSubmission"), step.get("busyCores"), CORES,
                    step.get("quietCores"), step.get("mostPerSecond"));
            System.out.printf("%s %3d audits/s: the reference work took %.1f ms of processor before the step and"
                    + " %.1f ms after (the machine's speed: less is faster); a submission %.1f times that%n", label,
                    RATES[i], step.get("referenceWorkMsBefore"), step.get("referenceWorkMsAfter"),
                    step.get("processorPerSubmissionInReferenceWorks"));
            System.out.printf("%s %3d audits/s: %.1f store commands a submission (%.1f writes), %.1f commits, %.0f kB"
                    + " read from the store file; the most asked: %s%n", label, RATES[i],
                    step.get("storeCommandsPerSubmission"), step.get("storeWritesPerSubmission"),
                    step.get("storeCommitsPerSubmission"), step.get("storeKbReadPerSubmission"),
                    first(step, "storeAskedPerSubmission", 8));
            System.out.printf("%s %3d audits/s: the processor by thread, ms a submission: %s%n", label, RATES[i],
                    first(step, "processorMsPerSubmissionByThread", 10));
        }
        submitters.shutdown();
        figures.put("p99TurnsUpAt", turnsUpAt == null ? "not within " + RATES[RATES.length - 1] + "/s" : turnsUpAt
                + "/s (p99 over twice that at " + RATES[0] + "/s)");
        figures.put("storedCases", casesPublished);
        figures.put("storedAudits", countIn("caseqa-" + PlatformService.AUDIT.configName(), "audits"));
        return figures;
    }

    /** The processor time this JVM (the platform and the load generator) has used, in nanoseconds. */
    private static long processorNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * When the platform fell quiet (the last new email it sent), the processor time used by then, and the cores it
     * kept busy over the five quiet seconds after (the store's compaction, the polls, the compiler, and whatever of
     * the step's own work sends no email: the board's counts).
     */
    private record Quiet(long since, long processor, StoreActivity store, ProcessorByThread threads,
            double quietCores) {
    }

    /**
     * The step's processor time per submission, from its first submission until the platform fell quiet, all of it
     * (what the platform does meanwhile besides the submissions too: at 2 a second that is most of it). A queue is the
     * sign that this is more than the cores can give at the step's rate: {@code mostPerSecond} is the rate at which
     * the submissions and that background would keep every core busy.
     */
    private static void processorPerSubmission(Map<String, Object> step, int submissions, long wallNanos,
            long processorNanos, double quietCores) {
        double perSubmission = processorNanos / (double) submissions / 1e6;
        step.put("processorMsPerSubmission", perSubmission);
        step.put("busyCores", processorNanos / (double) wallNanos);
        step.put("quietCores", quietCores);
        step.put("mostPerSecond", perSubmission > 0 ? CORES * 1000 / perSubmission : Double.NaN);
    }

    /**
     * The machine's speed before and after the step ({@link ReferenceWork}), and the step's processor time a submission
     * in units of the reference work (their mean): a figure that should move with what the platform does, not with
     * how fast the machine's cores were going.
     */
    private static void machineSpeed(Map<String, Object> step, double before, double after) {
        step.put("referenceWorkMsBefore", before);
        step.put("referenceWorkMsAfter", after);
        step.put("processorPerSubmissionInReferenceWorks",
                (double) step.get("processorMsPerSubmission") / ((before + after) / 2));
    }

    /**
     * The first {@code most} entries of one of the step's figures kept most first ({@code storeAskedPerSubmission},
     * {@code processorMsPerSubmissionByThread}).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> first(Map<String, Object> step, String figure, int most) {
        Map<String, Double> top = new LinkedHashMap<>();
        ((Map<String, Double>) step.get(figure)).entrySet().stream().limit(most)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    /**
     * What the store was asked per submission from the step's first submission until the platform fell quiet (its
     * last email), as the processor time: the commands by database, collection and command, how many were writes, the
     * commits that wrote to the file and the kilobytes read back from it. The commands are steady between runs of the
     * same code where processor time is not (the relays' and deadline scans' polls, counted too, follow the step's
     * length rather than its submissions, so they weigh more at 2 a second); commits and reads depend also on
     * timing: writers arriving together share a commit, and the compactor's own commits and reads are counted.
     */
    private static void storePerSubmission(Map<String, Object> step, int submissions, StoreActivity store) {
        step.put("storeCommandsPerSubmission", store.commandCount() / (double) submissions);
        step.put("storeWritesPerSubmission", store.writeCount() / (double) submissions);
        step.put("storeCommitsPerSubmission", store.commits() / (double) submissions);
        step.put("storeKbReadPerSubmission", store.bytesRead() / 1024.0 / submissions);
        Map<String, Double> asked = new LinkedHashMap<>();
        store.mostAsked(Integer.MAX_VALUE).forEach((command, count) -> asked.put(command,
                Math.round(1000.0 * count / submissions) / 1000.0));
        step.put("storeAskedPerSubmission", asked);
    }

    /**
     * Which threads used the processor time of {@link #processorPerSubmission}, by pool, in milliseconds a submission
     * (the JSON holds every pool): the compiler, the collector, the consumers (every service's as one), the store's
     * server and its commits...
     */
    private static void threadsPerSubmission(Map<String, Object> step, int submissions, Map<String, Long> byPool) {
        Map<String, Double> perSubmission = new LinkedHashMap<>();
        byPool.forEach((pool, nanos) -> perSubmission.put(pool,
                Math.round(100.0 * nanos / 1e6 / submissions) / 100.0));
        step.put("processorMsPerSubmissionByThread", perSubmission);
    }

    /**
     * Waits until the platform is quiet: the allocations' own work (their events, the auditors' emails) done, so the
     * fixed-rate steps measure submissions, not a backlog left by the set-up; then until it is at rest
     * ({@link #atRest}). The figures returned are taken when the emails stopped, before the wait for rest.
     */
    private Quiet settle(String label) throws Exception {
        long settling = System.nanoTime();
        long last = -1;
        int stableFor = 0;
        long quietSince = settling;
        long processorWhenQuiet = processorNanos();
        StoreActivity storeWhenQuiet = platform.storeActivity();
        ProcessorByThread threadsWhenQuiet = ProcessorByThread.now();
        while (stableFor < 5) {
            LockSupport.parkNanos(1_000_000_000L);
            long received = platform.mailboxes().delivered();
            stableFor = received == last ? stableFor + 1 : 0;
            last = received;
            if (stableFor == 0) {
                quietSince = System.nanoTime();
                processorWhenQuiet = processorNanos();
                storeWhenQuiet = platform.storeActivity();
                threadsWhenQuiet = ProcessorByThread.now();
            }
        }
        double quietCores = (processorNanos() - processorWhenQuiet) / (double) (System.nanoTime() - quietSince);
        System.out.printf("%s: the platform settled in %.1f s (%d emails sent so far)%n", label,
                (System.nanoTime() - settling) / 1e9, last);
        atRest(label);
        return new Quiet(quietSince, processorWhenQuiet, storeWhenQuiet, threadsWhenQuiet, quietCores);
    }

    /** At or below this many busy cores over a second the platform is at rest (its polls, compaction and compiler). */
    static final double AT_REST_CORES = 0.6;

    /**
     * Waits until the platform is at rest, not only without new emails (about a minute at most: the last one-second
     * measure may end past it): the background bindings leave their work until urgent work has gone quiet, so after a
     * burst the board, the registers and the audit and moderation events' bookkeeping run once its emails are out.
     * The next phase starts after them, not into them.
     */
    private void atRest(String label) {
        long waiting = System.nanoTime();
        double cores;
        do {
            long processor = processorNanos();
            long from = System.nanoTime();
            LockSupport.parkNanos(1_000_000_000L);
            cores = (processorNanos() - processor) / (double) (System.nanoTime() - from);
        } while (cores > AT_REST_CORES && System.nanoTime() - waiting < TimeUnit.MINUTES.toNanos(1));
        System.out.printf("%s: %s %.1f s later (%.2f cores)%n", label,
                cores > AT_REST_CORES ? "still busy, going on" : "at rest", (System.nanoTime() - waiting) / 1e9, cores);
    }

    /** One fixed-rate step: every other submission Inadequate; waits for their emails (at most a minute). */
    private Map<String, Object> step(RestClient audit, String auditor, Map<String, Map<String, String>> grades,
            List<String> audits,
            int rate, ExecutorService submitters, Histogram histogram) throws Exception {
        Map<String, Long> intended = new ConcurrentHashMap<>();
        Histogram submits = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        AtomicInteger failed = new AtomicInteger();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000;
        for (int i = 0; i < audits.size(); i++) {
            String auditId = audits.get(i);
            boolean isInadequate = i % 2 == 0;
            long at = start + i * period;
            while (System.nanoTime() < at) {
                LockSupport.parkNanos(at - System.nanoTime());
            }
            if (isInadequate) {
                intended.put(auditId, at);
            }
            String grade = isInadequate ? "INADEQUATE" : "GOOD";
            submitters.execute(() -> {
                try {
                    audit.post().uri("/audits/{id}/submission", auditId).header("Authorization", auditor)
                            .body(Map.of("domainGrades", grades.get(grade), "overallGrade", grade,
                                    "rationale", "Benchmark submission.", "familyFeedback", Map.of("respondentType",
                                            "PARENT", "treatedWell", "yes", "madeADifference", "not yet",
                                            "wantsToHearWhatChanged", false),
                                    "otherFeedback", DemoJourney.PRACTITIONER_FEEDBACK))
                            .retrieve().toBodilessEntity();
                    synchronized (submits) {
                        submits.recordValue(Math.max(0, (System.nanoTime() - at) / 1000));
                    }
                } catch (RuntimeException e) {
                    if (failed.getAndIncrement() < 3) {
                        System.out.println("submission of " + auditId + " failed: " + e);
                    }
                }
            });
        }
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < waitUntil) {
            readArrivals();
            if (intended.keySet().stream().allMatch(emailArrivals::containsKey)) {
                break;
            }
            LockSupport.parkNanos(20_000_000);
        }
        int missing = 0;
        for (Map.Entry<String, Long> sent : intended.entrySet()) {
            Long arrived = emailArrivals.get(sent.getKey());
            if (arrived == null) {
                missing++;
            } else if (histogram != null) {
                histogram.recordValue(Math.max(0, (arrived - sent.getValue()) / 1000));
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        if (histogram != null) {
            figures.put("submissions", audits.size());
            figures.put("emails", histogram.getTotalCount());
            figures.put("missing", missing);
            figures.put("failedSubmissions", failed.get());
            figures.put("p50Ms", histogram.getValueAtPercentile(50) / 1000.0);
            figures.put("p99Ms", histogram.getValueAtPercentile(99) / 1000.0);
            figures.put("p999Ms", histogram.getValueAtPercentile(99.9) / 1000.0);
            figures.put("maxMs", histogram.getMaxValue() / 1000.0);
            figures.put("submitP99Ms", submits.getValueAtPercentile(99) / 1000.0);
        }
        return figures;
    }

    private static void compare(Map<String, Object> little, Map<String, Object> lots) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (int rate : RATES) {
            @SuppressWarnings("unchecked")
            double a = (double) ((Map<String, Object>) little.get(rate + "/s")).get("p99Ms");
            @SuppressWarnings("unchecked")
            double b = (double) ((Map<String, Object>) lots.get(rate + "/s")).get("p99Ms");
            ratios.put(rate + "/s", b / a);
            System.out.printf("LATENCY %3d audits/s: p99 %,.0f ms with %,d cases and %,d audits stored, %,.0f ms with"
                    + " %,d and %,d (%.2fx; targets: p99 <= 500 ms at 10/s and <= 1,000 ms at 50/s, long history"
                    + " within 1.20x)%n", rate, a, little.get("storedCases"), little.get("storedAudits"), b,
                    lots.get("storedCases"), lots.get("storedAudits"), b / a);
        }
        results.put("p99LongOverLittleHistory", ratios);
    }

    // ---------------------------------------------------------------------------------------------- history

    /**
     * Copies the finished documents of every service's growing collections (those of 500 documents or more, beside
     * the registry of cases, which the ingest filled) until each holds {@code target}: new ids, no outbox, no claim.
     */
    private Map<String, Object> copyHistory(int target) {
        Map<String, Object> counts = new LinkedHashMap<>();
        long started = System.nanoTime();
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:27017")) {
            for (PlatformService service : PlatformService.values()) {
                MongoDatabase database = mongo.getDatabase("caseqa-" + service.configName());
                for (String name : database.listCollectionNames()) {
                    MongoCollection<Document> collection = database.getCollection(name);
                    long count = collection.countDocuments();
                    if (count < 500 || name.equals("cases") || name.equals("receivedEvents")
                            || name.equals("caseContexts")) {
                        continue;
                    }
                    List<Document> originals = collection.find().into(new ArrayList<>());
                    int copy = 0;
                    while (count < target) {
                        copy++;
                        List<Document> batch = new ArrayList<>();
                        for (Document original : originals) {
                            if (count + batch.size() >= target) {
                                break;
                            }
                            batch.add(copyOf(original, copy));
                        }
                        try {
                            collection.insertMany(batch, new InsertManyOptions().ordered(false));
                            count += batch.size();
                        } catch (MongoBulkWriteException someDuplicated) {
                            count += someDuplicated.getWriteResult().getInsertedCount();
                            if (someDuplicated.getWriteResult().getInsertedCount() == 0) {
                                break;
                            }
                        }
                    }
                    counts.put(database.getName() + "." + name, count);
                }
            }
        }
        System.out.printf("history copied in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, counts);
        return counts;
    }

    /** A UUID anywhere in a string: the services' record ids ({@code audit-<uuid>}, {@code coc-audit-<uuid>}, ...). */
    private static final Pattern UUID_IN = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * A finished record as another past record: a new id, and every id it refers to replaced the same way in every
     * collection (each UUID, with the copy's number, names one new UUID), so that the copies are different past audits,
     * cases of concern, emails and work items, not 77 copies of each of 1,300 (a query for one record would find all
     * 77). Copy n of an email names copy n of its audit where the audits were copied n times (collections with more
     * originals need fewer copies, so some references lead nowhere); the cases are not copied, so copied audits name
     * cases the registry does not hold. Councils, staff, kinds and dates stay as they were; nothing is left to publish.
     */
    private static Document copyOf(Document original, int copy) {
        Document document = (Document) renamed(original, copy);
        Object id = original.get("_id");
        Object renamedId = renamed(id, copy);
        // an id naming a UUID is new already (and others refer to it by that); any other gets the copy's number
        document.put("_id", id instanceof ObjectId ? new ObjectId() : renamedId.equals(id) ? id + "-h" + copy
                : renamedId);
        document.put("outbox", List.of());
        document.remove("outboxClaimedUntil");
        document.remove("outboxClaimToken");
        document.remove("dirty");
        return document;
    }

    private static Object renamed(Object value, int copy) {
        if (value instanceof String text) {
            Matcher uuid = UUID_IN.matcher(text);
            return uuid.find() ? uuid.replaceAll(found -> UUID.nameUUIDFromBytes((found.group() + "#" + copy)
                    .getBytes(StandardCharsets.UTF_8)).toString()) : text;
        }
        if (value instanceof Document document) {
            Document renamed = new Document();
            document.forEach((key, field) -> renamed.put(key, renamed(field, copy)));
            return renamed;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(element -> renamed(element, copy)).toList();
        }
        return value;
    }

    private long countIn(String database, String collection) {
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:27017")) {
            return mongo.getDatabase(database).getCollection(collection).countDocuments();
        }
    }

    // ---------------------------------------------------------------------------------------------- memory

    private void processesMemory() throws Exception {
        System.out.println("starting the five services again, each as its own process, on the same store");
        services.close();
        Map<String, Object> resident = new LinkedHashMap<>();
        try (ServiceProcesses processes = ServiceProcesses.start(platform.settings(), platform.data().resolve("logs"),
                ServiceProcesses.SMALL_JVM, Duration.ofMinutes(5))) {
            Thread.sleep(15_000); // let each settle after start (a figure of memory, not of time)
            long total = 0;
            for (ServiceProcess process : processes.processes()) {
                long mb = residentMb(process.pid());
                total += mb;
                resident.put(process.name(), mb);
            }
            resident.put("total", total);
            resident.put("jvmOptions", ServiceProcesses.SMALL_JVM);
        }
        results.put("residentMbAsProcesses", resident);
        System.out.printf("resident memory as separate processes (%s): %s%n", ServiceProcesses.SMALL_JVM, resident);
    }

    static long residentMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException unreadable) {
            return -1;
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------- output

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void write() throws Exception {
        Path out = Path.of("target", "platform-benchmark.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, tools.jackson.databind.json.JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(results));
        System.out.println("figures written to " + out.toAbsolutePath());
    }
}
