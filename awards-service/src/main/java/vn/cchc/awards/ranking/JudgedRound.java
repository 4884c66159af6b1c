package vn.cchc.awards.ranking;

/**
 * A round the judging panel scores (video, idea, live, emulation); {@code parts} is the number of
 * timed stage parts of a live round (0 for the others). A unit's score in a round with several
 * parts is the sum of its entries (one per part), otherwise its best entry.
 */
public record JudgedRound(String roundId, String kind, String title, int parts) {

	public boolean summed() {
		return this.parts > 1;
	}

}
