package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each document read from the store file brings its own copy of its council's name. At 100,000 stored, the in-memory
 * indexes kept a list and that copy per document and index, then a set per value and a map from each document back to
 * its values (docs/performance.md). An index now holds a value shared by many documents once, a value of one document
 * with that document's position alone, and reads a removed document's values from the document.
 */
class AnIndexHoldsAValueOfManyDocumentsOnceTest {

    @Test
    void theCouncilOfAThousandDocumentsIsHeldByOneInstanceAndStillFindsThemAll() {
        InMemorySecondaryIndex byCouncil = new InMemorySecondaryIndex("council", List.of(new IndexKey("council", true)),
                false);
        for (int i = 0; i < 1_000; i++) {
            // a new String each time, as each document decoded from the file has
            byCouncil.add(new Document("_id", "audit-" + i).append("council", new String("swindon")), "audit-" + i,
                    null);
        }

        assertThat(byCouncil.heldValues()).singleElement().isEqualTo("swindon");
        assertThat(positions(byCouncil, new Document("council", "swindon"))).hasSize(1_000);
        assertThat(byCouncil.getCount()).isEqualTo(1_000);

        byCouncil.remove(new Document("_id", "audit-0").append("council", new String("swindon")));
        assertThat(positions(byCouncil, new Document("council", "swindon"))).hasSize(999).doesNotContain("audit-0");
        assertThat(byCouncil.getCount()).isEqualTo(999);
    }

    @Test
    void anArraysValuesAreEachHeldAndEachFindTheDocumentUntilItIsRemoved() {
        InMemorySecondaryIndex byTeam = new InMemorySecondaryIndex("teams", List.of(new IndexKey("teams", true)), false);
        byTeam.add(new Document("_id", "a").append("teams", List.of("north", "south")), "a", null);
        byTeam.add(new Document("_id", "b").append("teams", List.of(new String("north"))), "b", null);

        assertThat(byTeam.heldValues()).containsExactly("north", "south");
        assertThat(positions(byTeam, new Document("teams", "north"))).containsExactly("a", "b");
        assertThat(positions(byTeam, new Document("teams", "south"))).containsExactly("a");

        byTeam.add(new Document("_id", "c").append("teams", List.of("north", "north")), "c", null);
        assertThat(positions(byTeam, new Document("teams", "north"))).containsExactly("a", "b", "c");

        byTeam.remove(new Document("_id", "a").append("teams", List.of("north", "south")));
        byTeam.remove(new Document("_id", "c").append("teams", List.of("north", "north")));
        assertThat(positions(byTeam, new Document("teams", "north"))).containsExactly("b");
        assertThat(positions(byTeam, new Document("teams", "south"))).isEmpty();
        assertThat(byTeam.heldValues()).containsExactly("north");
        assertThat(byTeam.getCount()).isEqualTo(1);
    }

    @Test
    void aValueOfOneDocumentIsHeldWithItsPositionAloneAndSharedOnceASecondDocumentHoldsIt() {
        InMemorySecondaryIndex byEvent = new InMemorySecondaryIndex("event", List.of(new IndexKey("event", true)),
                false);
        byEvent.add(new Document("_id", "a").append("event", "e-1"), "a", null);
        byEvent.add(new Document("_id", "b").append("event", "e-2"), "b", null);
        assertThat(positions(byEvent, new Document("event", "e-1"))).containsExactly("a");
        assertThat(byEvent.estimate(new Document("event", new Document("$in", List.of("e-1", "e-2", "e-3")))))
                .isEqualTo(2);

        byEvent.updateInPlace(new Document("_id", "b").append("event", "e-2"),
                new Document("_id", "b").append("event", "e-1"), "b", null);
        assertThat(positions(byEvent, new Document("event", "e-1"))).containsExactly("a", "b");
        assertThat(positions(byEvent, new Document("event", "e-2"))).isEmpty();
        assertThat(byEvent.heldValues()).containsExactly("e-1");

        byEvent.remove(new Document("_id", "a").append("event", "e-1"));
        assertThat(positions(byEvent, new Document("event", "e-1"))).containsExactly("b");
        assertThat(positions(byEvent, new Document("event", new Document("$gte", "e")))).containsExactly("b");
        byEvent.remove(new Document("_id", "b").append("event", "e-1"));
        assertThat(byEvent.heldValues()).isEmpty();
        assertThat(byEvent.getCount()).isZero();
    }

    private static List<Object> positions(InMemorySecondaryIndex index, Document query) {
        List<Object> found = new ArrayList<>();
        index.getPositions(query).forEach(found::add);
        return found;
    }
}
