package uk.caseqa.concern.adapter.in.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.concern.application.RespondingToGrades;
import uk.caseqa.contracts.AuditAcceptedByPanel;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.contracts.GradeRequiresImprovement;
import uk.caseqa.messaging.inbound.InboundEvents;

/**
 * Binding {@code moderationEvents-in-0}: grade triggers from moderation-service, and the moderator's grade and the
 * panel's acceptance that decide a Requires Improvement short audit.
 */
@Component("moderationEvents")
class ModerationEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(ModerationEventsConsumer.class);
    private final InboundEvents inbound;
    private final RespondingToGrades responding;

    ModerationEventsConsumer(InboundEvents inbound, RespondingToGrades responding) {
        this.inbound = inbound;
        this.responding = responding;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            boolean acted = true;
            if (event.data() instanceof GradeInadequate) {
                acted = responding.gradeInadequate(event.as(GradeInadequate.class));
            } else if (event.data() instanceof GradeRequiresImprovement) {
                acted = responding.gradeRequiresImprovement(event.as(GradeRequiresImprovement.class));
            } else if (event.data() instanceof AuditModerated) {
                responding.auditModerated(event.as(AuditModerated.class));
            } else if (event.data() instanceof AuditAcceptedByPanel) {
                responding.auditAcceptedByPanel(event.as(AuditAcceptedByPanel.class));
            }
            if (!acted) {
                log.info("{} {} changed nothing (already followed up)", event.type(), event.id());
            }
        });
    }
}
