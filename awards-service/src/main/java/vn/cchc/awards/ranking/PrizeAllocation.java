package vn.cchc.awards.ranking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

/**
 * Allocates prize tiers in the order the contest lists them. Consecutive tiers of the same pool
 * (scope, ranking, round, block rule, side flag) form one sequence of places filled from the top
 * of the ranking; a person or unit wins at most one main prize (winners of earlier main tiers of
 * the same scope are skipped), while side tiers ignore main prizes. A group of candidates tied on
 * every rule that spans two tiers, or the last place, is never broken here: it becomes a
 * {@link Tie} unless the organiser's decision (an order of the tied ids) is given. The places
 * after a tie are unaffected by how it is decided, so allocation goes on below it.
 */
public final class PrizeAllocation {

	private PrizeAllocation() {
	}

	/**
	 * @param candidates the ranked candidates of a tier, grouped (one list per board or block, the
	 * key naming the group, null when there is one group); null when the results cannot rank
	 * this tier (judged)
	 * @param decisions organiser decisions by tie id: the tied ids in the decided order
	 */
	public static Allocation allocate(List<Tier> tiers,
			BiFunction<Tier, Integer, @Nullable Map<String, List<Candidate>>> candidates,
			Map<String, List<String>> decisions) {
		List<Award> awards = new ArrayList<>();
		List<Tie> ties = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		Map<String, Set<String>> mainWinners = new HashMap<>();
		int i = 0;
		while (i < tiers.size()) {
			Tier first = tiers.get(i);
			int end = i;
			while (end < tiers.size() && tiers.get(end).pool().equals(first.pool())) {
				end++;
			}
			List<Integer> slots = new ArrayList<>();
			for (int t = i; t < end; t++) {
				Tier tier = tiers.get(t);
				if (tier.count() <= 0) {
					notes.add("Giải \"" + tier.name() + "\": kế hoạch không ấn định số lượng, Ban Tổ chức quyết định.");
				}
				for (int n = 0; n < tier.count(); n++) {
					slots.add(t);
				}
			}
			Map<String, List<Candidate>> groups = slots.isEmpty() ? Map.of() : candidates.apply(first, i);
			if (groups == null) {
				notes.add("Giải \"" + first.name() + "\": xếp theo kết quả chấm của Ban Giám khảo, chưa có trong bảng điểm.");
			}
			else {
				Set<String> taken = first.side() ? Set.of()
						: mainWinners.computeIfAbsent(first.scope(), k -> new HashSet<>());
				Set<String> won = new HashSet<>();
				for (Map.Entry<String, List<Candidate>> group : groups.entrySet()) {
					fill(tiers, slots, group.getKey(), group.getValue(), taken, decisions, awards, ties, won);
				}
				if (!first.side()) {
					taken.addAll(won);
				}
			}
			i = end;
		}
		return new Allocation(List.copyOf(awards), List.copyOf(ties), List.copyOf(notes));
	}

	private static void fill(List<Tier> tiers, List<Integer> slots, @Nullable String group, List<Candidate> ranked,
			Set<String> taken, Map<String, List<String>> decisions, List<Award> awards, List<Tie> ties,
			Set<String> won) {
		List<Candidate> eligible = ranked.stream().filter(c -> !taken.contains(c.id())).toList();
		int pos = 0;
		int g = 0;
		while (g < eligible.size() && pos < slots.size()) {
			int to = g + 1;
			while (to < eligible.size() && eligible.get(to).rank() == eligible.get(g).rank()) {
				to++;
			}
			List<Candidate> tied = eligible.subList(g, to);
			int last = Math.min(pos + tied.size(), slots.size());
			boolean sameTier = slots.get(pos).equals(slots.get(last - 1));
			if (tied.size() == 1 || (pos + tied.size() <= slots.size() && sameTier)) {
				for (int k = 0; k < tied.size(); k++) {
					awards.add(award(tiers.get(slots.get(pos + k)), slots.get(pos + k), group, tied.get(k)));
					won.add(tied.get(k).id());
				}
			}
			else {
				String tieId = tieId(tiers.get(slots.get(pos)).pool(), group, pos, tied);
				List<String> order = decisions.get(tieId);
				if (order != null && order.containsAll(tied.stream().map(Candidate::id).toList())) {
					List<Candidate> decided = new ArrayList<>(tied);
					decided.sort((a, b) -> Integer.compare(order.indexOf(a.id()), order.indexOf(b.id())));
					for (int k = 0; k < decided.size() && pos + k < slots.size(); k++) {
						awards.add(award(tiers.get(slots.get(pos + k)), slots.get(pos + k), group, decided.get(k)));
						won.add(decided.get(k).id());
					}
				}
				else {
					List<String> prizes = slots.subList(pos, last).stream().map(t -> tiers.get(t).name()).toList();
					ties.add(new Tie(tieId, tiers.get(slots.get(pos)).scope(), group, prizes, List.copyOf(tied)));
				}
			}
			pos += tied.size();
			g = to;
		}
	}

	private static Award award(Tier tier, int tierIndex, @Nullable String group, Candidate c) {
		return new Award(tierIndex, tier.name(), tier.scope(), tier.amountVnd(), tier.side(), tier.awardForm(),
				tier.issuer(), group, c.id(), c.name(), c.unitCode(), c.block(), c.rank(), c.basis(), c.attemptId(),
				c.eventId());
	}

	/** Stable across recomputations while the same people are tied for the same places. */
	static String tieId(String pool, @Nullable String group, int position, List<Candidate> tied) {
		List<String> ids = new ArrayList<>(tied.stream().map(Candidate::id).toList());
		ids.sort(null);
		String key = pool + "|" + group + "|" + position + "|" + String.join(",", ids);
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
