package vn.cchc.awards.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The judging panel's ranking. For each entry, each judge's latest sheet counts (latest by
 * submission time, then by sheet id), earlier ones are replaced; the entry's score is the mean of
 * those judges' totals, kept exact to {@value #SCALE} decimal places (far below any difference two
 * different means of decimal totals can have) and rounded only for display. An entry with no sheet
 * is not ranked. A unit's score in a round is its best entry's, or, in a round with several parts,
 * the sum of its entries' scores (one entry per part; a team judged as a whole is one entry). Higher
 * is better; equal scores share a rank and keep id order.
 */
public final class JudgedRanking {

	static final int SCALE = 12;

	private JudgedRanking() {
	}

	/** What a sheet is about: an entry (or a team) and the unit behind it, when known. */
	public record Subject(String id, @Nullable String title, @Nullable String unitCode) {
	}

	/** One ranked entry: its mean score, the number of judges and the sheets that count. */
	public record EntryScore(int rank, String roundId, String entryId, @Nullable String title,
			@Nullable String unitCode, BigDecimal score, int judges, List<String> sheetIds) {
	}

	/** One ranked unit of a round. */
	public record UnitJudged(int rank, String unitCode, BigDecimal score, int entries) {
	}

	/** Entries of one round ranked by their judges' mean, best first. */
	public static List<EntryScore> entries(String roundId, Collection<Sheet> sheets,
			Function<String, @Nullable Subject> subjects) {
		Map<String, Map<String, Sheet>> latest = new LinkedHashMap<>();
		Comparator<Sheet> order = Comparator.comparing(Sheet::submittedAt).thenComparing(Sheet::sheetId);
		for (Sheet sheet : sheets) {
			if (!roundId.equals(sheet.roundId())) {
				continue;
			}
			latest.computeIfAbsent(sheet.entryId(), k -> new HashMap<>())
				.merge(sheet.judgeId(), sheet, (a, b) -> order.compare(a, b) >= 0 ? a : b);
		}
		List<EntryScore> scored = new ArrayList<>();
		latest.forEach((entryId, byJudge) -> {
			BigDecimal sum = byJudge.values().stream().map(Sheet::total).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal mean = sum.divide(BigDecimal.valueOf(byJudge.size()), SCALE, RoundingMode.HALF_EVEN);
			Subject subject = subjects.apply(entryId);
			scored.add(new EntryScore(0, roundId, entryId, subject == null ? null : subject.title(),
					subject == null ? null : subject.unitCode(), mean, byJudge.size(),
					byJudge.values().stream().map(Sheet::sheetId).sorted().toList()));
		});
		scored.sort(Comparator.comparing(EntryScore::score).reversed().thenComparing(EntryScore::entryId));
		List<EntryScore> ranked = new ArrayList<>(scored.size());
		for (int i = 0; i < scored.size(); i++) {
			EntryScore e = scored.get(i);
			int rank = i > 0 && ranked.get(i - 1).score().compareTo(e.score()) == 0 ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new EntryScore(rank, e.roundId(), e.entryId(), e.title(), e.unitCode(), e.score(), e.judges(),
					e.sheetIds()));
		}
		return List.copyOf(ranked);
	}

	/**
	 * Units of one round ranked by their judged score: the best entry's, or the sum of the entries'
	 * when the round has several parts. Entries whose unit is unknown are left out.
	 */
	public static List<UnitJudged> units(List<EntryScore> entries, boolean summed) {
		Map<String, BigDecimal> score = new HashMap<>();
		Map<String, Integer> count = new HashMap<>();
		for (EntryScore e : entries) {
			if (e.unitCode() == null) {
				continue;
			}
			score.merge(e.unitCode(), e.score(), summed ? BigDecimal::add : BigDecimal::max);
			count.merge(e.unitCode(), 1, Integer::sum);
		}
		List<Map.Entry<String, BigDecimal>> sorted = new ArrayList<>(score.entrySet());
		sorted.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry::getKey));
		List<UnitJudged> ranked = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			var e = sorted.get(i);
			int rank = i > 0 && ranked.get(i - 1).score().compareTo(e.getValue()) == 0 ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new UnitJudged(rank, e.getKey(), e.getValue(), count.get(e.getKey())));
		}
		return List.copyOf(ranked);
	}

	/** A score as shown: two decimals, half up. */
	public static BigDecimal shown(BigDecimal score) {
		return score.setScale(2, RoundingMode.HALF_UP);
	}

}
