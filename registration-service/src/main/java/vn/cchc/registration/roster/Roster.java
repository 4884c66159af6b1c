package vn.cchc.registration.roster;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A roster and all its dated versions in one document, so every import or change is one guarded
 * write ({@code revision} must still be what was read). Versions are ordered by
 * {@code effectiveFrom}; the units in force at an instant are those of the latest version that
 * started at or before it. A version is never edited after it is written.
 */
@Document(Roster.COLLECTION)
record Roster(@Id String id, String name, String organizer, String createdBy, Instant createdAt, long revision,
		List<Version> versions) {

	static final String COLLECTION = "rosters";

	/** A full state of the roster from {@code effectiveFrom}, and what produced it. */
	record Version(Instant effectiveFrom, String cause, Instant recordedAt, List<RosterUnit> units) {
	}

	Optional<Version> asOf(Instant instant) {
		// versions are appended in non-decreasing effectiveFrom order: the last one that started wins
		Version found = null;
		for (Version version : this.versions) {
			if (!version.effectiveFrom().isAfter(instant)) {
				found = version;
			}
		}
		return Optional.ofNullable(found);
	}

	Optional<Instant> latestEffectiveFrom() {
		return this.versions.stream().map(Version::effectiveFrom).max(Comparator.naturalOrder());
	}

}
