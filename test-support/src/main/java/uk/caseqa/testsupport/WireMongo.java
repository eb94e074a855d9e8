package uk.caseqa.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A store for use-case and adapter tests without a Spring context: the MongoDB wire-protocol server on loopback,
 * reached through the real driver and Spring Data's {@link MongoTemplate}, so the queries, updates, unique ids and
 * errors are the ones the services meet. One per test; {@link #close()} stops it.
 */
public final class WireMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new CopyingMemoryBackend());
    private final MongoClient client;
    private final MongoTemplate template;

    public WireMongo() {
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        template = new MongoTemplate(client, "test");
    }

    public MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
