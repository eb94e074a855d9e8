package uk.caseqa.audit;

import org.junit.jupiter.api.Test;
import uk.caseqa.testsupport.ServiceArchitecture;

class ArchitectureTest {

    @Test
    void theDomainIsPlainJavaAndEventsLeaveOnlyThroughTheOutbox() {
        ServiceArchitecture.verify("uk.caseqa.audit");
    }
}
