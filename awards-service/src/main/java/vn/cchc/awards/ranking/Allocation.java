package vn.cchc.awards.ranking;

import java.util.List;

/**
 * The prizes of a contest as far as the rules decide them: awards, ties for the organiser and
 * notes on tiers the results cannot allocate (judged tiers, tiers without a fixed number).
 */
public record Allocation(List<Award> awards, List<Tie> ties, List<String> notes) {

	public boolean complete() {
		return this.ties.isEmpty();
	}

}
