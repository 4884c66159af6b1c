package vn.cchc.awards.ranking;

import org.jspecify.annotations.Nullable;

/**
 * A prize tier as the allocation needs it (a copy of the contract's {@code PrizeTier}): {@code count}
 * winners of {@code amountVnd} đồng each, ranked by {@code ranking} over {@code roundId}; a side
 * tier may go to a main prize winner; a per-block tier is awarded within each block of units;
 * {@code points} what each of its prizes adds to the winner's unit's prize points. One constructor
 * only: MongoDB maps stored tiers through the canonical constructor of a record.
 */
public record Tier(String name, int count, long amountVnd, String scope, String ranking, @Nullable String roundId,
		boolean side, boolean perBlock, @Nullable String awardForm, @Nullable String issuer, @Nullable Double points) {

	/** What one prize of this tier adds to its unit's prize points. */
	public double pointsPerPrize() {
		return this.points == null ? 0 : this.points;
	}

	public boolean individual() {
		return "individual".equals(this.scope);
	}

	/** Tiers that share a slot sequence: same scope, ranking, round, block rule and side flag. */
	String pool() {
		return this.scope + "|" + this.ranking + "|" + this.roundId + "|" + this.perBlock + "|" + this.side;
	}

}
