package vn.cchc.awards.ranking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Individual standings: more correct answers first, then the prediction closer to the true value
 * (where the round has a prediction question), then shorter server duration, then earlier
 * submission. Attempts submitted after the round closed are not ranked. One counted attempt per person and board (first or best, per the round). The true
 * value counts the submitted attempts of eligible people in the round and week: those with every
 * answer right ({@code all-correct}) or the people who submitted ({@code participants}).
 */
public final class IndividualRanking {

	private IndividualRanking() {
	}

	/** The attempt order; the gap is precomputed for one board. */
	static final Comparator<Board.Ranked> ORDER = Comparator.comparingInt((Board.Ranked r) -> r.result().correct())
		.reversed()
		.thenComparing(Board.Ranked::predictionGap, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparingLong(r -> r.result().durationMillis())
		.thenComparing(r -> r.result().submittedAt());

	/** The boards of one round, ordered by week then category. */
	public static List<Board> rank(RoundSpec round, Collection<Scored> submitted) {
		Map<String, List<Scored>> byPeriod = new TreeMap<>();
		for (Scored s : submitted) {
			if (round.roundId().equals(s.roundId()) && !late(round, s)) {
				byPeriod.computeIfAbsent(round.weekly() ? Objects.requireNonNullElse(s.period(), "") : "",
						k -> new ArrayList<>())
					.add(s);
			}
		}
		List<Board> boards = new ArrayList<>();
		byPeriod.forEach((period, attempts) -> {
			Long trueValue = trueValue(round.predictionCounts(), attempts);
			Map<String, List<Scored>> byCategory = new TreeMap<>();
			for (Scored s : attempts) {
				byCategory.computeIfAbsent(round.perCategory() ? Objects.requireNonNullElse(s.category(), "") : "",
						k -> new ArrayList<>())
					.add(s);
			}
			byCategory.forEach((category, list) -> boards.add(board(round, period.isEmpty() ? null : period,
					category.isEmpty() ? null : category, trueValue, list)));
		});
		return boards;
	}

	/**
	 * Submitted after the round (as last extended) closed: never ranked. The quiz-service refuses
	 * such submissions; this guards the standings against a replayed or misconfigured one.
	 */
	static boolean late(RoundSpec round, Scored s) {
		return round.closesAt() != null && s.submittedAt().isAfter(round.closesAt());
	}

	static @Nullable Long trueValue(@Nullable String counts, List<Scored> attempts) {
		if (counts == null) {
			return null;
		}
		if ("participants".equals(counts)) {
			Set<String> people = new HashSet<>();
			attempts.forEach(s -> people.add(s.participantId()));
			return (long) people.size();
		}
		return attempts.stream().filter(Scored::allCorrect).count();
	}

	private static Board board(RoundSpec round, @Nullable String period, @Nullable String category,
			@Nullable Long trueValue, List<Scored> attempts) {
		Map<String, Board.Ranked> counted = new HashMap<>(attempts.size() * 2);
		for (Scored s : attempts) {
			Board.Ranked candidate = new Board.Ranked(0, s, gap(s.prediction(), trueValue));
			counted.merge(s.participantId(), candidate, (a, b) -> better(round, a, b));
		}
		List<Board.Ranked> sorted = new ArrayList<>(counted.values());
		sorted.sort(ORDER);
		List<Board.Ranked> rows = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			Board.Ranked r = sorted.get(i);
			int rank = i > 0 && ORDER.compare(sorted.get(i - 1), r) == 0 ? rows.get(i - 1).rank() : i + 1;
			rows.add(new Board.Ranked(rank, r.result(), r.predictionGap()));
		}
		return new Board(round.roundId(), period, category, trueValue, List.copyOf(rows));
	}

	private static Board.Ranked better(RoundSpec round, Board.Ranked a, Board.Ranked b) {
		if (round.best()) {
			return ORDER.compare(a, b) <= 0 ? a : b;
		}
		int byTime = a.result().submittedAt().compareTo(b.result().submittedAt());
		if (byTime != 0) {
			return byTime < 0 ? a : b;
		}
		return a.result().attemptId().compareTo(b.result().attemptId()) <= 0 ? a : b;
	}

	static @Nullable Long gap(@Nullable Long prediction, @Nullable Long trueValue) {
		if (trueValue == null) {
			return null;
		}
		return prediction == null ? null : Math.abs(prediction - trueValue);
	}

}
