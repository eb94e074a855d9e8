package uk.caseqa.reporting.adapter.in.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import uk.caseqa.reporting.application.BoardView;

/**
 * The open server-sent event streams of the dashboard. Each change of the view is handed to one sending thread, so a
 * slow or gone reader never holds up the consumer that feeds the view; a stream that fails is dropped. A comment
 * every 20 s keeps proxies from closing idle streams and finds closed tabs; on shutdown every stream is completed,
 * so the service stops at once rather than waiting for readers.
 */
@Component
class BoardStreams {

    static final long TIMEOUT_MS = 30 * 60 * 1000L;
    private final Map<SseEmitter, String> open = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "board-streams");
        t.setDaemon(true);
        return t;
    });

    BoardStreams(BoardView view) {
        view.listen(this::changed);
    }

    /** A new stream of the council's changes. */
    SseEmitter open(String localAuthority) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        open.put(emitter, localAuthority);
        emitter.onCompletion(() -> open.remove(emitter));
        emitter.onTimeout(() -> open.remove(emitter));
        emitter.onError(e -> open.remove(emitter));
        sender.execute(() -> send(emitter, SseEmitter.event().name("hello").data("listening to " + localAuthority)));
        return emitter;
    }

    private void changed(BoardView.Shown shown) {
        if (!open.containsValue(shown.localAuthority())) {
            return;
        }
        sender.execute(() -> open.forEach((emitter, la) -> {
            if (la.equals(shown.localAuthority())) {
                send(emitter, SseEmitter.event().name("aggregate").data(shown));
            }
        }));
    }

    @Scheduled(fixedDelay = 20, timeUnit = TimeUnit.SECONDS)
    void heartbeat() {
        sender.execute(() -> open.keySet().forEach(emitter -> send(emitter, SseEmitter.event().comment("still here"))));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            open.remove(emitter);
            emitter.completeWithError(gone);
        }
    }

    /** Before the web server's graceful shutdown, which would otherwise wait for every open stream to end. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        open.keySet().forEach(SseEmitter::complete);
        open.clear();
        sender.shutdownNow();
    }
}
