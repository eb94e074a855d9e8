package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each document read from the store file brings its own copy of its council's name. At 100,000 stored, the in-memory
 * indexes kept a list and that copy per document and index: with the index entries, a quarter of the platform's heap
 * (docs/performance.md). An index now holds a value shared by many documents once, and a document's one value alone.
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

        Object first = byCouncil.heldFor("audit-0").get(0);
        for (int i = 1; i < 1_000; i++) {
            assertThat(byCouncil.heldFor("audit-" + i)).singleElement().isSameAs(first);
        }
        assertThat(positions(byCouncil, new Document("council", "swindon"))).hasSize(1_000);

        byCouncil.remove(new Document("_id", "audit-0").append("council", "swindon"));
        assertThat(byCouncil.heldFor("audit-0")).isEmpty();
        assertThat(positions(byCouncil, new Document("council", "swindon"))).hasSize(999).doesNotContain("audit-0");
    }

    @Test
    void anArraysValuesAreEachHeldAndEachFindTheDocumentUntilItIsRemoved() {
        InMemorySecondaryIndex byTeam = new InMemorySecondaryIndex("teams", List.of(new IndexKey("teams", true)), false);
        byTeam.add(new Document("_id", "a").append("teams", List.of("north", "south")), "a", null);
        byTeam.add(new Document("_id", "b").append("teams", List.of(new String("north"))), "b", null);

        assertThat(byTeam.heldFor("a")).containsExactly("north", "south");
        assertThat(byTeam.heldFor("b").get(0)).isSameAs(byTeam.heldFor("a").get(0));
        assertThat(positions(byTeam, new Document("teams", "north"))).containsExactly("a", "b");
        assertThat(positions(byTeam, new Document("teams", "south"))).containsExactly("a");

        byTeam.remove(new Document("_id", "a").append("teams", List.of("north", "south")));
        assertThat(positions(byTeam, new Document("teams", "north"))).containsExactly("b");
        assertThat(positions(byTeam, new Document("teams", "south"))).isEmpty();
        assertThat(byTeam.getCount()).isEqualTo(1);
    }

    private static List<Object> positions(InMemorySecondaryIndex index, Document query) {
        List<Object> found = new ArrayList<>();
        index.getPositions(query).forEach(found::add);
        return found;
    }
}
