package vn.cchc.awards;

import org.jspecify.annotations.Nullable;

/**
 * Published in-process after an event changed a contest's read models, with the document as it
 * now stands in MongoDB (null when only the change matters), so the in-memory inputs of the
 * standings and the live dashboard follow without reading MongoDB again.
 */
public record ReadModelChanged(String contestId, @Nullable Object document) {
}
