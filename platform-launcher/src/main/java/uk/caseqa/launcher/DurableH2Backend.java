package uk.caseqa.launcher;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The embedded run's store: the MongoDB wire server on an H2 file that commits each write before it is acknowledged
 * (except one that asks not to wait for the journal: {@link #unjournaled}).
 * H2 otherwise commits on a timer (about a second), so a process killed just after a service was told "written" lost
 * that write; with it went the outbox events the write carried.
 *
 * <p>Commits are the store's main cost: about 0.6 ms each, so about 1,500 a second on this kind of machine, whatever
 * each one holds (a commit with nothing new is free, and writers arriving together share one). This is what bounds a
 * consumer that writes once per event (docs/performance.md).
 *
 * <p>The file is append-only: every commit adds a chunk, and by default a chunk no longer used is kept 45 s before
 * its space is reused, so a write-per-commit store grew by ~20 kB per upsert (415 MB for 20,000 upserts of 200
 * documents). Here freed space is reused at once (retention 0) and sparse chunks are rewritten as it runs, so the file
 * stays near the size of what it holds (2 MB for the same run: TheStoreFileStaysBoundedOverALongRunTest). Retention 0
 * is safe against a killed process, whose written pages the operating system still holds (the killed-run test), not
 * against a machine losing power mid-write: the embedded run is for a single machine; deployments run MongoDB.
 * Queries hold the version they read, so no compaction frees a chunk under them ({@link IndexedH2Database}).
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

    /** How long a chunk no longer used is kept before its space is reused: not at all (see above). */
    static final int RETENTION_MILLIS = 0;
    /**
     * At most this much is rewritten by one compaction, every {@link #COMPACT_EVERY}: 8 MB a second, as 16 MB every
     * 2 s did before (a megabyte each second had made the Inadequate email's p99 at 10 submissions a second 8.8 s
     * instead of 2.5 s: docs/performance.md). A compaction holds the store's lock, so every commit waits for it; and
     * H2 writes it through a buffer it keeps for the next only up to 4 MB: a 16 MB compaction grew a new one to over
     * 20 MB every 2 s, each step an allocation too big for the young generation, which started the collector's
     * concurrent marking again and again at 100,000 stored.
     */
    static final int COMPACT_BYTES = 2 << 20;
    static final java.time.Duration COMPACT_EVERY = java.time.Duration.ofMillis(250);
    /** The first compaction, once the store has opened and the services have started writing. */
    static final java.time.Duration COMPACT_FIRST = java.time.Duration.ofSeconds(2);
    /** How long closing waits for a compaction under way to end. */
    static final java.time.Duration COMPACTION_END = java.time.Duration.ofSeconds(30);
    final java.util.concurrent.ScheduledExecutorService compactor =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "store-compactor");
                thread.setDaemon(true);
                return thread;
            });

    /** Commands served, by database, collection and command: see {@link #activity}. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> asked =
            new java.util.concurrent.ConcurrentHashMap<>();

    DurableH2Backend(String fileName) {
        super(open(fileName));
        org.h2.mvstore.MVStore store = getMvStore();
        store.setRetentionTime(RETENTION_MILLIS);
        compactor.scheduleWithFixedDelay(() -> compact(store), COMPACT_FIRST.toMillis(), COMPACT_EVERY.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * The store file, opened as the wire server would open it, except that a failure in H2's own background threads
     * (which write the chunks) is logged: H2 then stops the store, and without the log a platform whose writes all
     * hang would not say why.
     */
    private static org.h2.mvstore.MVStore open(String fileName) {
        org.slf4j.LoggerFactory.getLogger(DurableH2Backend.class).info("opening the store file {}", fileName);
        return new org.h2.mvstore.MVStore.Builder().fileName(fileName)
                // H2's own compaction off: the compactor above is the only one. H2's ran in its background writer
                // under the store lock; at 100,000 stored it read and rewrote chunks for most of each second, and a
                // submission waited 19 s for its commit (docs/performance.md)
                .autoCompactFillRate(0)
                .backgroundExceptionHandler((thread, failure) -> org.slf4j.LoggerFactory
                        .getLogger(DurableH2Backend.class).error("the store failed in {}", thread.getName(), failure))
                .open();
    }

    private static void compact(org.h2.mvstore.MVStore store) {
        try {
            if (!store.isClosed()) {
                store.compact(80, COMPACT_BYTES);
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DurableH2Backend.class).warn("store compaction: {}", e.toString());
        }
    }

    /** Databases that use the _id and the declared indexes instead of reading every document (IndexedH2Database). */
    @Override
    protected de.bwaldvogel.mongo.MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * Lets a compaction under way end before the store is closed, and starts no other. Interrupted, a compaction
     * reading the file closed the file's channel under the store (Java closes a channel whose reader is interrupted):
     * H2 then stopped the store, and closing it looped for ever, so a platform told to stop at 100,000 stored never
     * did (the platform benchmark's run hung there).
     */
    @Override
    public void close() {
        compactor.shutdown();
        boolean interrupted = false;
        try {
            if (!compactor.awaitTermination(COMPACTION_END.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                org.slf4j.LoggerFactory.getLogger(DurableH2Backend.class).warn(
                        "a store compaction still runs after {}; the store is closed under it", COMPACTION_END);
            }
        } catch (InterruptedException e) {
            interrupted = true; // told again after the store is closed: its last writes must not be interrupted
        }
        try {
            super.close();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        asked.computeIfAbsent(database + " " + collectionOf(command, query) + " " + name,
                key -> new java.util.concurrent.atomic.LongAdder()).increment();
        Document result = super.handleCommand(channel, database, command, query);
        if (isWrite(name) && !unjournaled(query)) {
            commit();
        }
        return result;
    }

    /**
     * Whether the writer asked not to wait for the journal ({@code writeConcern: {j: false}}), as MongoDB acknowledges
     * such a write before it is on disk. Here it waits for the next commit, which every other write makes at once (and
     * H2's own writer within a second): a write that follows it is committed with it, never without it, so it is lost
     * only when everything after it is too. The consumers' received-event records, and their removal after 30 days, ask
     * for this (ReceivedEvents), and so do the writes notification-service makes for one event, settled by a last
     * write at its end (OneCommitPerEvent).
     */
    static boolean unjournaled(Document query) {
        return query.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }

    /**
     * Whether {@code command} (in lower case) changes what is stored, so that it is committed before its answer
     * (unless {@link #unjournaled}).
     */
    static boolean isWrite(String command) {
        return WRITES.contains(command);
    }

    /** The collection a command names: its own value ({@code {find: "audits"}}), or {@code collection} (getMore). */
    private static String collectionOf(String command, Document query) {
        return query.get(command) instanceof String collection ? collection
                : query.get("collection") instanceof String collection ? collection : "-";
    }

    /** What the store has been asked and has done (the platform benchmark prints it per step): {@link StoreActivity}. */
    StoreActivity activity() {
        Map<String, Long> commands = new HashMap<>();
        asked.forEach((key, count) -> commands.put(key, count.sum()));
        org.h2.mvstore.MVStore store = getMvStore();
        return new StoreActivity(commands, store.getCurrentVersion(), store.getFileStore().getReadBytes());
    }
}
