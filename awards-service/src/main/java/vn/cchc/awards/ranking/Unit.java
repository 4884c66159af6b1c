package vn.cchc.awards.ranking;

import org.jspecify.annotations.Nullable;

/** A participating unit; {@code headcount} 0 means unknown (no participation rate). */
public record Unit(String unitCode, String name, @Nullable String block, int headcount) {
}
