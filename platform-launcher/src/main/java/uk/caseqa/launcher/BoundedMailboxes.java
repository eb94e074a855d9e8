package uk.caseqa.launcher;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each mailbox of the embedded run's SMTP server keeps its newest emails only, as Mailpit in docker-compose keeps its
 * newest 500. GreenMail holds every email in memory, whole: the platform benchmark's 100,000 cases sent about 36,000
 * emails (each allocation tells the auditor), 375 MB of the 1 GB heap, and the platform stopped in full collections
 * (docs/performance.md). The embedded run is for trying the product; its mailbox page shows the newest emails.
 */
public final class BoundedMailboxes implements AutoCloseable {

    /** Emails each address keeps. */
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

    /** Each mailbox over the limit loses its oldest emails down to it; returns how many were removed. */
    int removeOlderEmails() throws FolderException {
        int removed = 0;
        for (MailFolder folder : mail.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
            long[] uids = folder.getMessageUids();
            int excess = uids.length - keep;
            if (excess <= 0) {
                continue;
            }
            Arrays.sort(uids);
            Flags deleted = new Flags(Flags.Flag.DELETED);
            for (int i = 0; i < excess; i++) {
                folder.setFlags(deleted, true, uids[i], null, false);
            }
            folder.expunge();
            removed += excess;
        }
        if (removed > 0) {
            log.info("the mailbox removed {} older email(s); each address keeps its newest {}", removed, keep);
        }
        return removed;
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
