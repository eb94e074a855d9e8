package uk.caseqa.notification.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.notification.domain.AuditContext;
import uk.caseqa.notification.domain.EventFacts;
import uk.caseqa.notification.domain.Party;

/**
 * Who a party is for one event: the person the event or its audit names, the team manager of the case's team, or
 * the holders of a post (a head of service of the case's service before every head of service). A party nobody holds
 * (a vacancy, someone who left) is looked for up the line ({@code caseqa.notification.vacancy-fallback}).
 */
@Component
class FindingRecipients {

    private final Map<Party, Party> upTheLine;

    FindingRecipients(NotificationSettings settings) {
        this.upTheLine = settings.vacancyFallback();
    }

    /** The people for a party, and which party they were found as (the party itself or one up the line). */
    record Found(Party foundAs, List<String> staffIds) {
    }

    Found find(Party party, DirectoryForOneEvent directory, EventFacts facts, AuditContext context) {
        if (party == Party.NAMED_IN_EVENT) {
            // each post the event names, looked for up the line like any other
            List<String> all = new ArrayList<>();
            for (StaffRole post : facts.namedPosts()) {
                all.addAll(Party.ofPost(post).map(p -> find(p, directory, facts, context).staffIds())
                        .orElseGet(() -> postHolders(directory, post, facts, context)));
            }
            return new Found(all.isEmpty() ? null : party, all.stream().distinct().toList());
        }
        Set<Party> tried = new LinkedHashSet<>();
        for (Party current = party; current != null && tried.add(current); current = upTheLine.get(current)) {
            List<String> people = holders(current, directory, facts, context);
            if (!people.isEmpty()) {
                return new Found(current, people);
            }
        }
        return new Found(null, List.of());
    }

    private List<String> holders(Party party, DirectoryForOneEvent directory, EventFacts facts, AuditContext context) {
        return switch (party) {
            case AUDITOR -> named(directory, facts.text("auditorId").orElse(context.auditorId()));
            case MODERATOR -> named(directory, facts.text("moderatorId").orElse(context.moderatorId()));
            case IRO -> named(directory, facts.text("iroId").orElse(context.iroId()));
            case SOCIAL_WORKER -> named(directory, facts.text("socialWorkerId").orElse(context.socialWorkerId()));
            case SERVICE_MANAGER -> named(directory, facts.text("serviceManagerId").orElse(context.serviceManagerId()));
            case ACTION_OWNER -> named(directory, facts.text("ownerId").orElse(null));
            case TEAM_MANAGER -> context.teamManagerId() != null ? named(directory, context.teamManagerId())
                    : teamManagers(directory, facts.text("teamId").orElse(context.teamId()));
            case NAMED_IN_EVENT -> {
                List<String> all = new ArrayList<>();
                facts.namedPosts().forEach(post -> all.addAll(postHolders(directory, post, facts, context)));
                yield all.stream().distinct().toList();
            }
            default -> party.post().map(post -> postHolders(directory, post, facts, context)).orElse(List.of());
        };
    }

    /** A person the event names: them, unless the directory says they have left. */
    private List<String> named(DirectoryForOneEvent directory, String staffId) {
        if (staffId == null) {
            return List.of();
        }
        Optional<StaffReadModel.Staff> known = directory.find(staffId);
        return known.isPresent() && !known.get().inPost() ? List.of() : List.of(staffId);
    }

    private List<String> teamManagers(DirectoryForOneEvent directory, String teamId) {
        if (teamId == null) {
            return List.of();
        }
        return directory.holders(StaffRole.TEAM_MANAGER).stream()
                .filter(s -> teamId.equals(s.teamId())).map(StaffReadModel.Staff::staffId).sorted().toList();
    }

    /** Holders of a post; for a head of service, those of the case's service where the directory says (002 §7.6). */
    private List<String> postHolders(DirectoryForOneEvent directory, StaffRole post, EventFacts facts,
            AuditContext context) {
        List<StaffReadModel.Staff> holders = directory.holders(post);
        String serviceId = facts.text("serviceId").orElse(context.serviceId());
        if (post == StaffRole.HEAD_OF_SERVICE && serviceId != null
                && holders.stream().anyMatch(s -> s.serviceId() != null)) {
            // the directory knows heads' areas: the area's head, or nobody (then up the line), never every head
            holders = holders.stream().filter(s -> serviceId.equals(s.serviceId())).toList();
        }
        return holders.stream().map(StaffReadModel.Staff::staffId).sorted().toList();
    }
}
