/** Real infrastructure for tests: in-JVM KRaft broker and Mongo wire server, or Testcontainers where Docker runs. */
package uk.caseqa.testsupport;
