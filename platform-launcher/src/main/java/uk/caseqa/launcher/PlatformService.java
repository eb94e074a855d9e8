package uk.caseqa.launcher;

import uk.caseqa.audit.AuditServiceApplication;
import uk.caseqa.concern.ConcernServiceApplication;
import uk.caseqa.moderation.ModerationServiceApplication;
import uk.caseqa.notification.NotificationServiceApplication;
import uk.caseqa.reporting.ReportingServiceApplication;

/** The five services: application class, configuration name, port in the embedded run. */
public enum PlatformService {
    AUDIT(AuditServiceApplication.class, AuditServiceApplication.CONFIG_NAME, 8081),
    MODERATION(ModerationServiceApplication.class, ModerationServiceApplication.CONFIG_NAME, 8082),
    CONCERN(ConcernServiceApplication.class, ConcernServiceApplication.CONFIG_NAME, 8083),
    REPORTING(ReportingServiceApplication.class, ReportingServiceApplication.CONFIG_NAME, 8084),
    NOTIFICATION(NotificationServiceApplication.class, NotificationServiceApplication.CONFIG_NAME, 8085);

    private final Class<?> application;
    private final String configName;
    private final int defaultPort;

    PlatformService(Class<?> application, String configName, int defaultPort) {
        this.application = application;
        this.configName = configName;
        this.defaultPort = defaultPort;
    }

    public Class<?> application() { return application; }
    public String configName() { return configName; }
    public int defaultPort() { return defaultPort; }
    /** Where its actuator answers in the embedded run (probes, metrics): its port plus 1000. */
    public int managementPort() { return defaultPort + 1000; }
}
