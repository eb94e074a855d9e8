package uk.caseqa.moderation.adapter.out.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import uk.caseqa.moderation.application.Panels;
import uk.caseqa.moderation.domain.Panel;

@Component
class MongoPanels implements Panels {

    static final String COLLECTION = "panels";
    private final MongoTemplate mongo;

    MongoPanels(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record PanelDocument(@Id String panelId, String localAuthority, LocalDate date, List<String> members,
            String createdBy) {
    }

    @Override
    public boolean insertIfAbsent(Panel panel) {
        try {
            mongo.insert(new PanelDocument(panel.panelId(), panel.localAuthority(), panel.date(), panel.members(),
                    panel.createdBy()), COLLECTION);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public Optional<Panel> find(String panelId) {
        return Optional.ofNullable(mongo.findById(panelId, PanelDocument.class, COLLECTION))
                .map(d -> new Panel(d.panelId(), d.localAuthority(), d.date(), d.members(), d.createdBy()));
    }

    @Override
    public List<Panel> ofMember(String localAuthority, String staffId, LocalDate from) {
        return mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("localAuthority").is(localAuthority)
                                .and("members").is(staffId)), PanelDocument.class, COLLECTION).stream()
                .filter(d -> !d.date().isBefore(from))
                .map(d -> new Panel(d.panelId(), d.localAuthority(), d.date(), d.members(), d.createdBy()))
                .sorted(java.util.Comparator.comparing(Panel::date)).toList();
    }
}
