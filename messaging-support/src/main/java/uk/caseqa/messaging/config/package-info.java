/** Auto-configuration that wires the shared mechanics into every service. */
package uk.caseqa.messaging.config;
