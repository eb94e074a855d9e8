package uk.caseqa.benchmarks;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import io.micrometer.core.instrument.MeterRegistry;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.reporting.ReportingServiceApplication;
import uk.caseqa.reporting.application.BoardRecords;
import uk.caseqa.reporting.application.BoardView;
import uk.caseqa.reporting.application.InMemoryBoardRecords;
import uk.caseqa.reporting.demo.YearOfAudits;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.Measure;
import uk.caseqa.reporting.domain.Period;
import uk.caseqa.testsupport.Infrastructure;
import uk.caseqa.testsupport.ServiceReplica;

/**
 * The board's benchmark, in one run on one machine (prints figures, writes {@code target/board-benchmark.json}):
 * <ol>
 *   <li><b>Replay against the raw ceiling.</b> A generated history (default 60 councils, 24 months) is put on the
 *   three input topics. In each of three alternating rounds, a plain Kafka consumer reads every event, parses it and
 *   bulk-upserts it into the same kind of store (the raw ceiling: no domain work), polling as many records at a time
 *   as the service does; then reporting-service, started with its input bindings stopped, has them started and
 *   replays the same events from offset zero into a store of its own. Both are timed from the end of their first
 *   batch (the service's three bindings first join their consumer group, one rebalance each). Each round's
 *   databases are dropped after it, so every round starts alike. A first round of both warms the JIT, the broker
 *   and the store up and is not counted (first rounds run at a third of the speed of later ones). The median replay
 *   rate is reported as a ratio to the median raw rate (single rounds on two shared cores vary by a factor of two or
 *   more), with the time until the whole board is counted and published after the last replay.</li>
 *   <li><b>Dashboard queries at national scale.</b> 153 councils with 10 years of monthly audits: three generated
 *   councils (12 audits a month in 6 teams) are counted for every period type and their aggregates loaded, under
 *   153 council ids, into a dashboard view; then a mix of the dashboard's queries (a month by council and by team, a
 *   12-month trend, a quarter by auditor, a year by service) is timed one by one, p50 / p99 / p99.9 from an
 *   HdrHistogram.</li>
 * </ol>
 * System properties: {@code bench.councils}, {@code bench.months}, {@code bench.rounds}, {@code bench.batch-size},
 * {@code bench.national.councils},
 * {@code bench.national.years}, {@code bench.queries}.
 */
public final class BoardBenchmark {

    private static final Instant NOW = Instant.now();
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final List<String> INPUTS = List.of(EventStream.AUDITS.topic(), EventStream.MODERATION.topic(),
            EventStream.CONCERNS.topic());
    /** Records per poll, for the raw loop too: reporting-service's {@code caseqa.reporting.batch-size} (5,000). */
    private static final int BATCH_SIZE = Integer.getInteger("bench.batch-size", 5000);
    private static final List<String> BINDINGS = List.of("auditEvents-in-0", "moderationEvents-in-0",
            "concernEvents-in-0");

    private BoardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machineCores", Runtime.getRuntime().availableProcessors());
        replayAgainstTheRawCeiling(results);
        dashboardQueriesAtNationalScale(results);
        write(results);
        System.exit(0);
    }

    // ---- 1. replay ----------------------------------------------------------------------------------------------

    static void replayAgainstTheRawCeiling(Map<String, Object> results) throws Exception {
        int councils = Integer.getInteger("bench.councils", 60);
        int months = Integer.getInteger("bench.months", 24);
        List<YearOfAudits.Council> shapes = new ArrayList<>();
        for (int i = 0; i < councils; i++) {
            shapes.add(new YearOfAudits.Council("council-" + i, YearOfAudits.Policy.values()[i % 3], 2, 3, 2));
        }
        LocalDate first = LocalDate.ofInstant(NOW, ENGLAND).withDayOfMonth(1).minusMonths(months);
        YearOfAudits.History history = YearOfAudits.generate(shapes, first, months, NOW, 1L);
        int n = history.events().size();
        if (n < 10 * BATCH_SIZE) { // both sides are timed from the end of their first batch
            throw new IllegalArgumentException("replay: " + n + " events are too few to time batches of "
                    + BATCH_SIZE + "; take at least " + 10 * BATCH_SIZE + " (more councils or months)");
        }
        Infrastructure infrastructure = Infrastructure.shared();
        String isolation = "bench" + ProcessHandle.current().pid();
        String prefix = isolation + ".";
        long sent = System.nanoTime();
        send(infrastructure.kafkaAdminClient(), prefix, history.events());
        System.out.printf("replay: %,d events of %,d audits in %d councils put on the input topics in %.1f s%n", n,
                history.stories().size(), councils, seconds(sent));

        int rounds = Integer.getInteger("bench.rounds", 3);
        List<Double> raw = new ArrayList<>();
        List<Double> replay = new ArrayList<>();
        double boardSeconds = 0;
        for (int round = 0; round <= rounds; round++) { // round 0 warms the JIT, the broker and the store up
            double rawRate = rawConsume(infrastructure, prefix, n, "raw-" + round);
            Map<String, Double> replayed = replay(infrastructure, isolation, round, n, round == rounds);
            if (round > 0) {
                raw.add(rawRate);
                replay.add(replayed.get("eventsPerSecond"));
            }
            boardSeconds = replayed.get("boardSeconds");
        }
        double rawMedian = median(raw);
        double replayMedian = median(replay);
        double ratio = replayMedian / rawMedian;
        System.out.printf("replay: in %d alternating rounds, raw ceiling %s events/s (median %,.0f); reporting-service "
                + "replay %s events/s (median %,.0f) = %.2fx the raw rate (target >= 0.50); whole board counted and "
                + "published %.1f s after the last replay started%n", rounds, rates(raw), rawMedian, rates(replay),
                replayMedian, ratio, boardSeconds);
        results.put("replayEvents", n);
        results.put("replayRounds", rounds);
        results.put("rawEventsPerSecondMedian", Math.round(rawMedian));
        results.put("replayEventsPerSecondMedian", Math.round(replayMedian));
        results.put("replayToRawRatio", Math.round(ratio * 100) / 100.0);
        results.put("boardPublishedSeconds", Math.round(boardSeconds * 10) / 10.0);
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static String rates(List<Double> values) {
        return String.join(" / ", values.stream().map(v -> String.format("%,.0f", v)).toList());
    }

    /**
     * Creates the input topics (3 partitions each, as the services' topics have) and sends every event, checking
     * each send: a topic created on first use can lose the first batches of an idempotent producer on a busy broker.
     */
    private static void send(Map<String, Object> client, String prefix, List<EventEnvelope<EventPayload>> events)
            throws Exception {
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(INPUTS.stream().map(t -> new NewTopic(prefix + t, 3, (short) 1)).toList()).all()
                    .get(1, TimeUnit.MINUTES);
        }
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (EventEnvelope<EventPayload> e : events) {
                sent.add(producer.send(new ProducerRecord<>(prefix + e.eventType().stream().topic(),
                        e.subject().getBytes(StandardCharsets.UTF_8),
                        EventJson.writeString(e).getBytes(StandardCharsets.UTF_8))));
            }
            producer.flush();
        }
        for (Future<RecordMetadata> f : sent) {
            f.get(); // throws if the event did not reach the broker
        }
    }

    /** The raw ceiling: consume, parse, bulk-upsert each poll's events; events per second. */
    private static double rawConsume(Infrastructure infrastructure, String prefix, int n, String name) {
        Properties props = new Properties();
        props.putAll(infrastructure.kafkaAdminClient());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + name);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH_SIZE); // as reporting-service's inputs
        String uri = infrastructure.mongoUri(prefix.replace(".", "") + "-" + name);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
                MongoClient mongo = MongoClients.create(uri)) {
            MongoCollection<Document> store = mongo.getDatabase(new ConnectionString(uri).getDatabase())
                    .getCollection("events");
            consumer.subscribe(INPUTS.stream().map(t -> prefix + t).toList());
            int consumed = 0;
            int first = 0;
            long started = 0;
            long lastProgress = System.nanoTime();
            while (consumed < n) {
                if (System.nanoTime() - lastProgress > Duration.ofMinutes(2).toNanos()) {
                    throw new IllegalStateException("raw loop " + name + ": only " + consumed + " of " + n
                            + " events arrived, none for 2 minutes");
                }
                List<WriteModel<Document>> batch = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    EventEnvelope<EventPayload> e = EventJson.read(record.value());
                    batch.add(new ReplaceOneModel<>(Filters.eq("_id", e.id()), new Document("_id", e.id())
                            .append("type", e.type()).append("localAuthority", e.localAuthority())
                            .append("subject", e.subject()).append("time", Date.from(e.time()))
                            .append("json", new String(record.value(), StandardCharsets.UTF_8)),
                            new ReplaceOptions().upsert(true)));
                }
                if (!batch.isEmpty()) {
                    store.bulkWrite(batch);
                    consumed += batch.size();
                    lastProgress = System.nanoTime();
                    if (started == 0) { // timed from the end of the first batch, as the replay is
                        started = System.nanoTime();
                        first = consumed;
                    }
                }
            }
            double rate = (n - first) / seconds(started);
            System.out.printf("replay: raw loop %s consumed, parsed and upserted %,d events at %,.0f events/s "
                    + "(GC %,d ms so far)%n", name, n, rate, gcMillis());
            mongo.getDatabase(new ConnectionString(uri).getDatabase()).drop(); // each round starts from the same store
            return rate;
        }
    }

    /**
     * reporting-service replays the topics from offset zero into a store, consumer group and board topic of the
     * round's own; events per second and (when {@code wholeBoard}) seconds until the whole board is published.
     */
    private static Map<String, Double> replay(Infrastructure infrastructure, String isolation, int round, int n,
            boolean wholeBoard) throws InterruptedException {
        String database = isolation + "-replay-" + round;
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.mongodb.uri", infrastructure.mongoUri(database));
        properties.putAll(uk.caseqa.testsupport.TestIssuer.shared().properties());
        BINDINGS.forEach(b -> {
            properties.put("spring.cloud.stream.bindings." + b + ".consumer.auto-startup", false);
            properties.put("spring.cloud.stream.bindings." + b + ".group", "reporting-service-" + round);
        });
        for (String board : List.of("boardAggregates-in-0", "board-aggregates-out")) {
            properties.put("spring.cloud.stream.bindings." + board + ".destination",
                    isolation + ".qa.board-aggregates-" + round);
        }
        properties.put("caseqa.reporting.batch-size", BATCH_SIZE);
        // the raw loop writes no log line per event; neither does the replay here (the service logs each at info)
        properties.put("logging.level.uk.caseqa.messaging.inbound", "WARN");
        properties.put("logging.level.uk.caseqa.reporting.application.PublishingTheBoard", "WARN");
        try (ConfigurableApplicationContext reporting = ServiceReplica.start(ReportingServiceApplication.class,
                ReportingServiceApplication.CONFIG_NAME, isolation, Clock.systemUTC(), properties)) {
            MeterRegistry meters = reporting.getBean(MeterRegistry.class);
            MongoTemplate store = reporting.getBean(MongoTemplate.class);
            BindingsLifecycleController bindings = reporting.getBean(BindingsLifecycleController.class);
            long started = System.nanoTime();
            BINDINGS.forEach(b -> bindings.changeState(b, BindingsLifecycleController.State.STARTED));
            double first;
            while ((first = projected(meters)) == 0) { // the consumers join their group (a rebalance per binding)
                Thread.sleep(1);
            }
            long firstBatch = System.nanoTime(); // timed from the end of the first batch, as the raw loop is
            while (projected(meters) < n) {
                if (seconds(firstBatch) > 600) {
                    throw new IllegalStateException("replay round " + round + ": only " + projected(meters) + " of "
                            + n + " events projected in 10 minutes");
                }
                Thread.sleep(20);
            }
            double rate = (n - first) / seconds(firstBatch);
            long records = 0;
            long writes = 0;
            for (Document d : store.getCollection("boardRecords").find().projection(new Document("version", 1))) {
                records++;
                writes += ((Number) d.get("version")).longValue();
            }
            System.out.printf("replay: reporting-service round %d projected %,d events at %,.0f events/s into %,d "
                    + "records in %,d writes (%,.0f redone after a conflict; GC %,d ms so far)%n", round, n,
                    rate, records, writes, meters.get("caseqa.reporting.records.redone").counter().count(),
                    gcMillis());
            double boardSeconds = 0;
            if (wholeBoard) {
                Query dirty = Query.query(Criteria.where("dirty").is(true));
                long limit = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (store.exists(dirty, "boardRecords") && System.nanoTime() < limit) {
                    Thread.sleep(100);
                }
                boardSeconds = seconds(started);
            }
            return Map.of("eventsPerSecond", rate, "boardSeconds", boardSeconds);
        } finally {
            try (MongoClient mongo = MongoClients.create(infrastructure.mongoUri(database))) {
                mongo.getDatabase(database).drop(); // each round starts from the same store
            }
        }
    }

    private static double projected(MeterRegistry meters) {
        return meters.find("caseqa.events.consumed").counters().stream()
                .filter(c -> !"BoardAggregateUpdated".equals(c.getId().getTag("type")))
                .mapToDouble(c -> c.count()).sum();
    }

    // ---- 2. dashboard queries -----------------------------------------------------------------------------------

    static void dashboardQueriesAtNationalScale(Map<String, Object> results) {
        int councils = Integer.getInteger("bench.national.councils", 153);
        int years = Integer.getInteger("bench.national.years", 10);
        int queries = Integer.getInteger("bench.queries", 200_000);
        LocalDate anchor = LocalDate.of(2024, 1, 1);
        long started = System.nanoTime();
        List<List<BoardCount.Aggregate>> templates = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            templates.add(countedCouncil("template-" + t, years, anchor, 100 + t));
        }
        System.out.printf("queries: 3 councils of %d years counted (%,d aggregates each on average) in %.1f s%n",
                years, templates.stream().mapToInt(List::size).sum() / 3, seconds(started));
        BoardView view = new BoardView();
        long loading = System.nanoTime();
        for (int i = 0; i < councils; i++) {
            String la = "council-" + i;
            String template = "template-" + (i % 3);
            for (BoardCount.Aggregate a : templates.get(i % 3)) {
                BoardCount.Key k = a.key();
                view.show(new BoardCount.Aggregate(new BoardCount.Key(k.measure(), la, k.breakdown(),
                        k.value().equals(template) ? la : k.value(), k.period()), a.counts(), a.asOf()), 1);
            }
        }
        templates.clear();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        System.out.printf("queries: %,d aggregates of %d councils loaded into the dashboard view in %.1f s, heap in "
                + "use %,d MB%n", view.size(), councils, seconds(loading), heapMb);

        Random random = new Random(7);
        List<String> months = periods(Period.Type.MONTH, years, anchor);
        List<String> quarters = periods(Period.Type.QUARTER, years, anchor);
        List<String> yearKeys = periods(Period.Type.YEAR, years, anchor);
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        long found = 0;
        for (int i = 0; i < queries + queries / 5; i++) {
            BoardView.Question q = question(random, "council-" + random.nextInt(councils), months, quarters, yearKeys);
            long t0 = System.nanoTime();
            found += view.ask(q).size();
            long took = System.nanoTime() - t0;
            if (i >= queries / 5) {
                histogram.recordValue(took);
            }
        }
        double p50 = histogram.getValueAtPercentile(50) / 1e6;
        double p99 = histogram.getValueAtPercentile(99) / 1e6;
        double p999 = histogram.getValueAtPercentile(99.9) / 1e6;
        System.out.printf("queries: %,d dashboard queries (%,d aggregates returned): p50 %.3f ms, p99 %.3f ms, p99.9 "
                + "%.3f ms, max %.3f ms (target p99 <= 50 ms)%n", queries, found, p50, p99, p999,
                histogram.getMaxValue() / 1e6);
        results.put("nationalCouncils", councils);
        results.put("nationalYears", years);
        results.put("nationalAggregates", view.size());
        results.put("nationalHeapMb", heapMb);
        results.put("queryP50Ms", Math.round(p50 * 1000) / 1000.0);
        results.put("queryP99Ms", Math.round(p99 * 1000) / 1000.0);
        results.put("queryP999Ms", Math.round(p999 * 1000) / 1000.0);
    }

    private static BoardView.Question question(Random r, String la, List<String> months, List<String> quarters,
            List<String> years) {
        int roll = r.nextInt(100);
        if (roll < 30) {
            return new BoardView.Question(Measure.FINAL_GRADES, la, Breakdown.COUNCIL, null, pick(r, months), null,
                    null, null);
        }
        if (roll < 50) {
            return new BoardView.Question(Measure.FINAL_GRADES, la, Breakdown.TEAM, null, pick(r, months), null, null,
                    null);
        }
        if (roll < 70) {
            int end = 12 + r.nextInt(months.size() - 12);
            return new BoardView.Question(Measure.TIMELINESS, la, Breakdown.COUNCIL, la, null, Period.Type.MONTH,
                    months.get(end - 12), months.get(end - 1));
        }
        if (roll < 85) {
            return new BoardView.Question(Measure.MODERATION, la, Breakdown.AUDITOR, null, pick(r, quarters), null,
                    null, null);
        }
        return new BoardView.Question(Measure.CASES_OF_CONCERN, la, Breakdown.SERVICE, null, pick(r, years), null,
                null, null);
    }

    private static String pick(Random r, List<String> keys) {
        return keys.get(r.nextInt(keys.size()));
    }

    private static List<String> periods(Period.Type type, int years, LocalDate anchor) {
        Set<String> keys = new TreeSet<>();
        Period p = Period.containing(type, NOW, anchor);
        Instant start = NOW.minus(Duration.ofDays(365L * years));
        while (p.end().isAfter(start)) {
            keys.add(p.key());
            p = p.previous(anchor);
        }
        return List.copyOf(keys);
    }

    /** A generated council of {@code years} years, projected and counted for every period it has records in. */
    private static List<BoardCount.Aggregate> countedCouncil(String la, int years, LocalDate anchor, long seed) {
        LocalDate first = LocalDate.ofInstant(NOW, ENGLAND).withDayOfMonth(1).minusYears(years);
        YearOfAudits.History history = YearOfAudits.generate(
                List.of(new YearOfAudits.Council(la, YearOfAudits.Policy.SAMPLE_25, 2, 3, 2)), first, years * 12, NOW,
                seed);
        BoardRecords.CouncilRecords council = InMemoryBoardRecords.of(history.events()).load(la);
        Set<String> periods = new TreeSet<>();
        council.audits().forEach(a -> a.periodDates().forEach(d -> {
            for (Period.Type type : Period.Type.values()) {
                periods.add(Period.containing(type, d, anchor).key());
            }
        }));
        List<BoardCount.Aggregate> all = new ArrayList<>();
        for (String key : periods) {
            all.addAll(BoardCount.count(la, Period.parse(key), NOW, council.audits(), council.concerns(),
                    council.followUps()));
        }
        return all;
    }

    // ---- output -------------------------------------------------------------------------------------------------

    private static void write(Map<String, Object> results) throws IOException {
        StringBuilder json = new StringBuilder("{\n");
        results.forEach((k, v) -> json.append("  \"").append(k).append("\": ")
                .append(v instanceof Number ? v.toString() : "\"" + v + "\"").append(",\n"));
        json.setLength(json.length() - 2);
        json.append("\n}\n");
        Path out = Path.of("target", "board-benchmark.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
        System.out.println("figures written to " + out.toAbsolutePath());
        System.out.print(json);
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
