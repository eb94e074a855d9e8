/** SMTP adapter and the schedule that dispatches pending notifications. */
package uk.caseqa.notification.adapter.out.mail;
