/** One consumer class per upstream stream: unwrap, dedupe, call one use case. */
package uk.caseqa.concern.adapter.in.messaging;
