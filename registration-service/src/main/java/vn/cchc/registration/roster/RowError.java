package vn.cchc.registration.roster;

/** A refused row of an imported file: its 1-based line number (the header is row 1) and why, in Vietnamese. */
public record RowError(int row, String message) {
}
