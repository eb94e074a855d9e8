package uk.caseqa.messaging.kafka;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * The consumer bindings whose work may wait while the platform is busy ({@code caseqa.consumers.background}: the
 * board's projections, re-audit bookkeeping, the staff and case registers), so that under a burst the
 * processor goes first to the work that ends in an urgent email: an Inadequate grade's case of concern and its
 * service manager. Their consumer threads run at {@link Thread#MIN_PRIORITY}; nothing else about them changes (the
 * same records, in the same order, committed the same way), and they have the processor to themselves whenever the
 * urgent work leaves it. The JVM passes a thread's priority to the operating system only when told to
 * ({@code -XX:ThreadPriorityPolicy=1}, as the embedded run in one JVM is: {@code platform-launcher/embedded-jvm.options});
 * otherwise (the services as separate processes) this changes nothing.
 * <p>
 * A background binding the service does not have is a misspelling, which would leave that binding's work at normal
 * priority unnoticed: the service refuses to start ({@link #checkNamed}).
 * <p>
 * A thread keeps the operating system's priority of the thread that starts it, and Linux lets a process lower a
 * thread's priority but not raise it again, so the platform's own pools that a consumer's work may use (the outbox
 * relay's, the mail dispatch's) start their threads with the service.
 */
public final class BackgroundBindings {

    private final Set<String> bindings;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public BackgroundBindings(Collection<String> bindings) {
        this.bindings = Set.copyOf(bindings);
    }

    /** A background binding's consumer threads are started at the lowest priority; any other is left as it is. */
    public void configure(AbstractMessageListenerContainer<?, ?> container, String binding) {
        seen.add(binding);
        if (!bindings.contains(binding)) {
            return;
        }
        String name = container.getBeanName() == null ? binding : container.getBeanName();
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor(name + "-background-C-");
        threads.setThreadPriority(Thread.MIN_PRIORITY);
        container.getContainerProperties().setListenerTaskExecutor(threads);
    }

    /**
     * Refuses to start a service whose background bindings name one it does not have (a misspelling, which would
     * otherwise leave that binding's work at normal priority unnoticed), once its bindings are made; a context
     * with no bindings at all (nothing bound yet) is left alone.
     */
    public void checkNamed() {
        Set<String> unknown = new TreeSet<>(bindings);
        unknown.removeAll(seen);
        if (!seen.isEmpty() && !unknown.isEmpty()) {
            throw new IllegalStateException("caseqa.consumers.background names " + unknown + ", which no consumer"
                    + " binding of this service is called (its bindings: " + new TreeSet<>(seen) + ")");
        }
    }
}
