package uk.caseqa.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AServiceStopsWhenTheLauncherThatStartedItIsGoneTest {

    @Test
    void whileTheLauncherLivesTheServiceRunsAndOnceItHasEndedTheServiceStops() throws Exception {
        AtomicInteger stops = new AtomicInteger();
        assertThat(new ParentWatch(ProcessHandle.current().pid(), stops::incrementAndGet).check()).isFalse();

        Process launcher = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        launcher.waitFor();
        assertThat(new ParentWatch(launcher.pid(), stops::incrementAndGet).check()).isTrue();
        assertThat(stops).hasValue(1);
    }
}
