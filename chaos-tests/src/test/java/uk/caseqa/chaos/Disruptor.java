package uk.caseqa.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.caseqa.launcher.ServiceProcess;

/**
 * Kills each service replica with SIGKILL at a random moment and starts it again, and restarts the broker once, in a
 * random order, on its own thread while the workload runs. {@code rounds} times through every replica.
 */
final class Disruptor implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Disruptor.class);
    private static final String BROKER = "the broker";
    private final ChaosPlatform platform;
    private final Random random;
    private final int rounds;
    private final Runnable justBeforeAKill;
    final AtomicInteger kills = new AtomicInteger();
    final AtomicInteger brokerRestarts = new AtomicInteger();
    final List<String> story = Collections.synchronizedList(new ArrayList<>());
    volatile Throwable failure;

    /** {@code justBeforeAKill}: traffic started just before each kill, so the replica dies mid-work. */
    Disruptor(ChaosPlatform platform, long seed, int rounds, Runnable justBeforeAKill) {
        this.platform = platform;
        this.justBeforeAKill = justBeforeAKill;
        this.random = new Random(seed);
        this.rounds = rounds;
    }

    @Override
    public void run() {
        try {
            for (int round = 0; round < rounds; round++) {
                List<Object> victims = new ArrayList<>(platform.replicas);
                if (round == 0) {
                    victims.add(BROKER);
                }
                Collections.shuffle(victims, random);
                for (Object victim : victims) {
                    Thread.sleep(1_000 + random.nextInt(6_000));
                    if (victim == BROKER) {
                        platform.restartBroker();
                        brokerRestarts.incrementAndGet();
                        story.add("broker restarted");
                    } else {
                        ServiceProcess replica = (ServiceProcess) victim;
                        justBeforeAKill.run();
                        Thread.sleep(50 + random.nextInt(400));
                        replica.kill();
                        kills.incrementAndGet();
                        Thread.sleep(random.nextInt(2_000));
                        replica.start();
                        replica.awaitReady(ChaosPlatform.READY_WITHIN);
                        story.add(replica.name() + " killed and restarted");
                    }
                    log.info("chaos: {}", story.get(story.size() - 1));
                }
            }
        } catch (Throwable e) {
            failure = e;
            log.error("chaos stopped: {}", e.toString());
        }
    }
}
