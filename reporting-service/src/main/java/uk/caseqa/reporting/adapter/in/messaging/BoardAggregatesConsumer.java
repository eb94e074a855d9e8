package uk.caseqa.reporting.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.BoardAggregateUpdated;
import uk.caseqa.contracts.InvalidEventException;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.reporting.application.BoardView;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.Measure;

/**
 * Binding {@code boardAggregates-in-0}: every replica reads all of {@code qa.board-aggregates} from its beginning
 * (no consumer group), so its {@link BoardView} holds the latest revision of every aggregate.
 */
@Component("boardAggregates")
class BoardAggregatesConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final BoardView view;

    BoardAggregatesConsumer(InboundEvents inbound, BoardView view) {
        this.inbound = inbound;
        this.view = view;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            if (event.data() instanceof BoardAggregateUpdated e) {
                BoardCount.Key key;
                try {
                    key = new BoardCount.Key(Measure.ofId(e.measure()), event.localAuthority(),
                            Breakdown.valueOf(e.breakdown()), e.breakdownValue(), e.period());
                    uk.caseqa.reporting.domain.Period.parse(e.period());
                } catch (IllegalArgumentException unknown) {
                    throw new InvalidEventException("data: " + unknown.getMessage());
                }
                view.show(new BoardCount.Aggregate(key, e.counts(), e.asOf()), e.revision());
            }
        }, true);
    }
}
