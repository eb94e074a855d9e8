package uk.caseqa.reporting.config;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.caseqa.reporting.application.CycleAnchors;
import uk.caseqa.reporting.application.RecountPacing;

/** reporting-service's settings ({@code caseqa.reporting} in {@code reporting-service.yml}). */
@Configuration
@EnableConfigurationProperties(ReportingConfiguration.ReportingProperties.class)
class ReportingConfiguration {

    /**
     * {@code default-cycle-anchor} and {@code cycle-anchors} (council to Monday): where 6-week cycles start;
     * {@code rebuild}: forget the board and rebuild it from offset zero at start-up; {@code recount-share}: the
     * share of one core the board's counting may take (0.1 unless set).
     */
    @ConfigurationProperties("caseqa.reporting")
    record ReportingProperties(LocalDate defaultCycleAnchor, Map<String, LocalDate> cycleAnchors, boolean rebuild,
            Double recountShare) {
    }

    @Bean
    RecountPacing recountPacing(ReportingProperties properties) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        // a JVM that cannot tell a thread's processor time paces by the wall clock (waits included)
        java.util.function.LongSupplier processor = threads.isCurrentThreadCpuTimeSupported()
                && threads.isThreadCpuTimeEnabled()
                ? threads::getCurrentThreadCpuTime : System::nanoTime;
        return new RecountPacing(properties.recountShare() == null ? 0.1 : properties.recountShare(),
                System::nanoTime, processor);
    }

    @Bean
    CycleAnchors cycleAnchors(ReportingProperties properties) {
        return new CycleAnchors(properties.defaultCycleAnchor(), properties.cycleAnchors());
    }
}
