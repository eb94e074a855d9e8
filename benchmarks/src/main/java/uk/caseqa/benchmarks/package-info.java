/** Benchmarks that print figures and write them under {@code target/}: never part of pass or fail. */
package uk.caseqa.benchmarks;
