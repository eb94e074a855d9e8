package uk.caseqa.testsupport;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bson.BsonDocument;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A store for use-case and adapter tests without a Spring context: the MongoDB wire-protocol server on loopback,
 * reached through the real driver and Spring Data's {@link MongoTemplate}, so the queries, updates, unique ids and
 * errors are the ones the services meet. One per test; {@link #close()} stops it. It keeps what it was asked
 * ({@link #asked()}), for a test of how often a use case goes to the store.
 */
public final class WireMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new CopyingMemoryBackend());
    private final MongoClient client;
    private final MongoTemplate template;
    private final Queue<Asked> asked = new ConcurrentLinkedQueue<>();

    /** A command the store was asked: its name, the collection it names, and its write concern (null: none). */
    public record Asked(String command, String collection, BsonDocument writeConcern) {
    }

    public WireMongo() {
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonDocument command = event.getCommand();
                String name = event.getCommandName();
                asked.add(new Asked(name, command.isString(name) ? command.getString(name).getValue() : null,
                        command.isDocument("writeConcern") ? command.getDocument("writeConcern") : null));
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(
                        "mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(listener).build());
        template = new MongoTemplate(client, "test");
    }

    /** The commands asked so far, in order (the driver's own, such as {@code hello}, aside). */
    public List<Asked> asked() {
        return List.copyOf(asked);
    }

    /** How many times {@code command} was asked of {@code collection} so far. */
    public long asked(String command, String collection) {
        return asked.stream().filter(a -> a.command().equals(command) && collection.equals(a.collection())).count();
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
