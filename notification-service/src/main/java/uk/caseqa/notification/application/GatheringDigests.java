package uk.caseqa.notification.application;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.notification.domain.Message;
import uk.caseqa.notification.domain.Notification;
import uk.caseqa.notification.domain.Route;

/**
 * Use case: a council whose profile takes routine messages in a digest gets one email per person per day (at
 * {@value #HOUR}:00 in England) or week (Monday), listing each routine item with its link; urgent ones are sent at
 * once. Gathering first marks the items with the digest's id, then writes the digest under that id: a crash in
 * between is finished by the next pass, and no item is listed twice or lost. One replica gathers at a time (a
 * {@link GatheringLease}), so a person's items are never split between two digests written at the same moment.
 */
@Service
public class GatheringDigests {

    static final int HOUR = 8;
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final Logger log = LoggerFactory.getLogger(GatheringDigests.class);
    private final Notifications notifications;
    private final NotificationSettings settings;
    private final Messages messages;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private final StaffReadModel staff;
    private final Clock clock;
    private final GatheringLease lease;

    GatheringDigests(Notifications notifications, NotificationSettings settings, Messages messages,
            StaffReadModel staff, Clock clock, GatheringLease lease) {
        this.lease = lease;
        this.notifications = notifications;
        this.settings = settings;
        this.messages = messages;
        this.staff = staff;
        this.clock = clock;
    }

    /** When a routine message made now goes out in the council's digest; null when the council has none. */
    Instant digestTimeFor(String council, Instant now) {
        ZonedDateTime here = now.atZone(ENGLAND);
        ZonedDateTime today = here.toLocalDate().atTime(LocalTime.of(HOUR, 0)).atZone(ENGLAND);
        return switch (settings.digestOf(council)) {
            case NONE -> null;
            case DAILY -> (here.isBefore(today) ? today : today.plusDays(1)).toInstant();
            case WEEKLY -> {
                ZonedDateTime monday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                yield (here.isBefore(monday) ? monday : monday.plusWeeks(1)).toInstant();
            }
        };
    }

    /**
     * Gathers what is due and writes the digests; returns how many digests were written now (none while another
     * replica is gathering).
     */
    public int gatherDue() {
        int[] written = {0};
        lease.runIfFree(() -> written[0] = gatherAndWrite(clock.instant()));
        return written[0];
    }

    private int gatherAndWrite(Instant now) {
        for (Notifications.Recipient recipient : notifications.digestsDue(now)) {
            // one id per gathering, so an item gathered later the same day makes a digest of its own, never one
            // that was already written
            String digestId = "digest:" + recipient.localAuthority() + ":" + recipient.staffId() + ":"
                    + now.atZone(ENGLAND).toLocalDate() + ":" + now.toEpochMilli();
            notifications.gather(recipient, now, digestId);
        }
        int written = 0;
        for (String digestId : notifications.digestsToWrite()) {
            List<Notification> items = notifications.inDigest(digestId);
            if (items.isEmpty()) {
                continue;
            }
            Notification first = items.get(0);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("recipient", staff.find(first.localAuthority(), first.recipientId())
                    .map(StaffReadModel.Staff::greeting).orElse(first.recipientId()));
            model.put("count", items.size());
            model.put("day", now.atZone(ENGLAND).format(DAY));
            model.put("items", items.stream().map(n -> Map.of("subject", n.subject(),
                    "link", n.link() == null ? "" : n.link())).toList());
            model.put("council", first.localAuthority());
            model.put("councilName", settings.nameOf(first.localAuthority()));
            model.put("links", Map.of());
            Message message = messages.render("digest", first.localAuthority(), model);
            if (notifications.insertIfAbsent(new Notification(digestId, digestId, first.localAuthority(),
                    first.recipientId(), message.subject(), message.text(), now, message.html(), Route.Urgency.URGENT,
                    message.link()))) {
                written++;
                log.info("digest {} of {} items written for {}", digestId, items.size(), first.recipientId());
            }
            notifications.digestWritten(digestId);
        }
        return written;
    }
}
