/** Generated history for the demo run, the board's replay tests and the benchmark: never used by the service itself. */
package uk.caseqa.reporting.demo;
