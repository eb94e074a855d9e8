/** Board packs written as files: a PDF report with tables and charts, and its tables as CSV and an Excel workbook. */
package uk.caseqa.reporting.adapter.out.pack;
