package uk.caseqa.launcher;

import de.bwaldvogel.mongo.bson.Document;

/** An in-memory index of the embedded store that tells how many documents it would find, without finding them. */
interface EstimatingIndex {

    /** For a query the index can handle: at least as many as it finds (a document found by two values counts twice). */
    long estimate(Document query);
}
