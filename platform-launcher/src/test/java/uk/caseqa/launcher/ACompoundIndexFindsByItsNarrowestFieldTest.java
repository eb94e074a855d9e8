package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * notification-service finds a record's open work items by {@code (council, kind, recordId)}. Kept on the council
 * alone, the embedded store's index found every item of the council for each of them, and at 100,000 items each
 * email's update read them all from the file. The compound index answers from the field that finds the fewest.
 */
class ACompoundIndexFindsByItsNarrowestFieldTest {

    @Test
    void oneRecordsItemsAreFoundAmongAThousandOfItsCouncilWithoutTheOthers() {
        CompoundInMemoryIndex record = new CompoundInMemoryIndex("record", List.of(new IndexKey("council", true),
                new IndexKey("kind", true), new IndexKey("recordId", true)), false);
        for (int i = 0; i < 1_000; i++) {
            Document item = new Document("_id", "item-" + i).append("council", "swindon")
                    .append("kind", i % 2 == 0 ? "IRO_COMMENT" : "SAFETY_PLAN").append("recordId", "audit-" + i / 2);
            record.add(item, item.get("_id"), null);
        }
        Document oneRecord = new Document("council", "swindon").append("kind", "IRO_COMMENT")
                .append("recordId", "audit-7").append("open", true);

        assertThat(record.canHandle(oneRecord)).isTrue();
        assertThat(record.estimate(oneRecord)).isEqualTo(2);
        assertThat(positions(record, oneRecord)).containsExactlyInAnyOrder("item-14", "item-15");

        Document kindOnly = new Document("council", "swindon").append("kind", "SAFETY_PLAN");
        assertThat(positions(record, kindOnly)).hasSize(500);
        assertThat(record.canHandle(new Document("open", true))).as("no field of the index named").isFalse();

        record.remove(new Document("_id", "item-14").append("council", "swindon").append("kind", "IRO_COMMENT")
                .append("recordId", "audit-7"));
        assertThat(positions(record, oneRecord)).containsExactly("item-15");
    }

    private static List<Object> positions(CompoundInMemoryIndex index, Document query) {
        List<Object> found = new ArrayList<>();
        index.getPositions(query).forEach(found::add);
        return found;
    }
}
