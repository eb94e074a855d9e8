/** Local embedded run: real infrastructure in one JVM, the five services as separate Spring Boot applications, demo data. */
package uk.caseqa.launcher;
