package uk.caseqa.messaging.config;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Store health by listing this service's collections: answered alike by MongoDB and by the wire-protocol server used
 * in the embedded run, which lacks the {@code hello} command Boot's own Mongo indicator sends.
 */
class MongoStoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    MongoStoreHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("database", mongo.getDb().getName())
                .withDetail("collections", mongo.getCollectionNames().size());
    }
}
