package uk.caseqa.launcher;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded run's SMTP server keeps its newest emails only, {@value #KEEP} in all, as Mailpit in docker-compose keeps
 * its newest 500. GreenMail holds every email in memory, whole (about 20 kB each): the platform benchmark's 100,000
 * cases sent about 36,000 emails (each allocation tells the auditor), 375 MB of the 1 GB heap, and the platform stopped
 * in full collections; kept at 500 per address, its 20 addresses still held 10,000 emails, 200 MB
 * (docs/performance.md). The embedded run is for trying the product; its mailbox page shows the newest emails.
 */
public final class BoundedMailboxes implements AutoCloseable {

    /** Emails the mailbox keeps, of every address together. */
    static final int KEEP = 500;
    private static final Logger log = LoggerFactory.getLogger(BoundedMailboxes.class);

    private final GreenMail mail;
    private final int keep;
    private final ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mailbox-limit");
        thread.setDaemon(true);
        return thread;
    });

    BoundedMailboxes(GreenMail mail, int keep) {
        this.mail = mail;
        this.keep = keep;
    }

    /** Removes the older emails every {@code period}. */
    BoundedMailboxes start(Duration period) {
        every.scheduleWithFixedDelay(() -> {
            try {
                removeOlderEmails();
            } catch (RuntimeException | FolderException failure) {
                log.warn("the mailbox could not remove its older emails; trying again in {}", period, failure);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One email held: where, its UID there, when it was received. */
    private record Held(MailFolder folder, long uid, long receivedAt) {
    }

    /** Over the limit, the oldest emails (by when they were received) go, whichever address; returns how many. */
    int removeOlderEmails() throws FolderException {
        List<Held> held = new ArrayList<>();
        for (MailFolder folder : mail.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
            for (StoredMessage message : List.copyOf(folder.getMessages())) {
                held.add(new Held(folder, message.getUid(), message.getReceivedDate().getTime()));
            }
        }
        int excess = held.size() - keep;
        if (excess <= 0) {
            return 0;
        }
        held.sort(Comparator.comparingLong(Held::receivedAt).thenComparingLong(Held::uid));
        Map<MailFolder, List<Held>> oldest = new LinkedHashMap<>();
        held.subList(0, excess).forEach(email -> oldest.computeIfAbsent(email.folder(), f -> new ArrayList<>())
                .add(email));
        Flags deleted = new Flags(Flags.Flag.DELETED);
        for (Map.Entry<MailFolder, List<Held>> folder : oldest.entrySet()) {
            for (Held email : folder.getValue()) {
                folder.getKey().setFlags(deleted, true, email.uid(), null, false);
            }
            folder.getKey().expunge();
        }
        log.info("the mailbox removed {} older email(s); it keeps the newest {}", excess, keep);
        return excess;
    }

    /** Every email delivered since the start, the removed ones too. */
    public long delivered() throws FolderException {
        long delivered = 0;
        for (MailFolder folder : mail.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
            delivered += folder.getUIDNext() - 1;
        }
        return delivered;
    }

    @Override
    public void close() {
        every.shutdownNow();
    }
}
