package vn.cchc.awards;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.cchc.awards.ContestResults.Computed;
import vn.cchc.awards.ReadModels.Entrant;
import vn.cchc.awards.ranking.Allocation;
import vn.cchc.awards.ranking.Board;
import vn.cchc.awards.ranking.CollectiveRanking;
import vn.cchc.awards.ranking.JudgedRanking;
import vn.cchc.awards.ranking.RoundSpec;
import vn.cchc.awards.ranking.Tie;
import vn.cchc.awards.ranking.UnitScore;
import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;

/**
 * Provisional standings (public, names masked per setting, prediction figures hidden until the
 * round closes unless the caller organises), the prize allocation and tie decisions (organisers).
 */
@RestController
@RequestMapping("/api/awards/contests")
class StandingsController {

	static final String[] ORGANISERS = { "organizer", "admin" };

	private final ContestResults results;

	private final TieDecisions decisions;

	private final AwardsProperties properties;

	private final Clock clock;

	StandingsController(ContestResults results, TieDecisions decisions, AwardsProperties properties, Clock clock) {
		this.results = results;
		this.decisions = decisions;
		this.properties = properties;
		this.clock = clock;
	}

	/** {@code correctCount}, {@code prediction} and {@code predictionGap} are null while the prediction is hidden. */
	record Row(int rank, String participantId, @Nullable String displayName, @Nullable String unitCode,
			@Nullable String category, @Nullable String period, @Nullable Integer correctCount, int questionCount,
			long durationMillis, @Nullable Long prediction, @Nullable Long predictionGap, Instant submittedAt,
			String attemptId, @Nullable String eventId) {
	}

	record BoardView(String roundId, String title, @Nullable String period, @Nullable String category, String label,
			@Nullable Long trueValue, List<Row> rows) {
	}

	/**
	 * Participation of one unit over all quiz rounds: enrolled and submitted (distinct people)
	 * against the headcount the contest was published with; the rate is null where the headcount
	 * is unknown (0); {@code band} full (100%), high (≥ 75%), medium (25–75%), low (&lt; 25%).
	 */
	record UnitRow(String unitCode, String name, @Nullable String block, int headcount, long enrolled, long submitted,
			@Nullable Double participationPercent, String band) {
	}

	/**
	 * A unit in one collective ranking; {@code blockRank} is its rank among the units of its block
	 * (for tiers awarded per block); {@code judged} and {@code prizePoints} are the formula's
	 * components of those names (null when the formula has none).
	 */
	record CollectiveRow(int rank, String unitCode, String name, @Nullable String block, int headcount,
			int participants, @Nullable Integer allCorrect, @Nullable Double participationRate, double meanScore,
			@Nullable Double formula, String band, int blockRank, @Nullable Double judged,
			@Nullable Double prizePoints) {
	}

	/** {@code perBlock} when a tier of this ranking is awarded within each block. */
	record CollectiveView(String roundId, String ranking, List<CollectiveRow> rows, boolean perBlock,
			int allCorrectPercent) {
	}

	/** An entry's judged score as shown (rounded to two decimals) and the judges whose sheets count. */
	record JudgedEntryRow(int rank, String entryId, @Nullable String title, @Nullable String unitCode,
			BigDecimal score, int judges) {
	}

	record JudgedUnitRow(int rank, String unitCode, @Nullable String name, @Nullable String block, BigDecimal score,
			int entries) {
	}

	/** A judged round: entries by their judges' mean and units by their judged score. */
	record JudgedView(String roundId, String title, String kind, boolean summed, List<JudgedEntryRow> entries,
			List<JudgedUnitRow> units) {
	}

	/** {@code judged} is filled for organisers only: judging results are announced by the committee. */
	record Standings(String contestId, String title, @Nullable String roundId, int participants, List<Row> rows,
			List<UnitRow> units, List<BoardView> boards, List<CollectiveView> collective, boolean predictionRevealed,
			@Nullable String scoringDescription, List<JudgedView> judged) {
	}

	@GetMapping("/{contestId}/standings")
	Standings standings(@PathVariable String contestId, @Nullable Caller caller) {
		Computed c = this.results.of(contestId);
		boolean organiser = isOrganiser(caller);
		boolean revealed = ContestResults.revealsPrediction(c, organiser, this.clock.instant());
		boolean masked = !organiser && this.properties.masked();
		List<BoardView> boards = new ArrayList<>();
		for (RoundSpec round : c.rounds()) {
			for (Board board : c.boards().getOrDefault(round.roundId(), List.of())) {
				boards.add(new BoardView(round.roundId(), round.title(), board.period(), board.category(),
						ContestResults.label(board), revealed ? board.trueValue() : null,
						board.rows().stream().map(r -> row(r, masked, revealed)).toList()));
			}
		}
		List<Row> first = boards.isEmpty() ? List.of() : boards.get(0).rows();
		List<CollectiveView> collective = new ArrayList<>();
		Map<String, Double> weights = c.config() == null ? null : c.config().weights();
		int threshold = c.config() == null ? 100 : c.config().allCorrectThreshold();
		for (RoundSpec round : c.rounds()) {
			List<UnitScore> scores = c.unitScores().getOrDefault(round.roundId(), List.of());
			for (String ranking : rankings(c)) {
				List<CollectiveRanking.Placed> placed = CollectiveRanking.rank(scores, ranking);
				Map<String, Integer> blockRanks = blockRanks(placed);
				collective.add(new CollectiveView(round.roundId(), ranking, placed.stream()
					.map(p -> new CollectiveRow(p.rank(), p.score().unit().unitCode(), p.score().unit().name(),
							p.score().unit().block(), p.score().unit().headcount(), p.score().participants(),
							revealed ? p.score().allCorrect() : null, p.score().participationRate(),
							p.score().meanScore(), weights != null ? p.score().formula() : null,
							Formats.band(p.score().participationRate()), blockRanks.get(p.score().unit().unitCode()),
							weights != null && weights.containsKey("judged") ? p.score().judged() : null,
							weights != null && weights.containsKey("prize-points") ? p.score().prizePoints() : null))
					.toList(), perBlock(c, ranking), threshold));
			}
		}
		int people = (int) boards.stream()
			.flatMap(b -> b.rows().stream())
			.map(Row::participantId)
			.distinct()
			.count();
		return new Standings(contestId, c.title(), c.rounds().size() == 1 ? c.rounds().get(0).roundId() : null,
				people, first, units(c), boards, collective, revealed,
				c.config() == null ? null : c.config().scoringDescription(), organiser ? judged(c) : List.of());
	}

	/**
	 * Each unit's rank within its block: the order of the whole ranking, equal values sharing a
	 * rank (units without a block form one block).
	 */
	static Map<String, Integer> blockRanks(List<CollectiveRanking.Placed> placed) {
		Map<String, List<CollectiveRanking.Placed>> byBlock = new java.util.LinkedHashMap<>();
		placed.forEach(p -> byBlock.computeIfAbsent(String.valueOf(p.score().unit().block()), k -> new ArrayList<>())
			.add(p));
		Map<String, Integer> ranks = new java.util.HashMap<>();
		byBlock.values().forEach(list -> {
			int previous = 0;
			for (int i = 0; i < list.size(); i++) {
				int rank = i > 0 && list.get(i - 1).value() == list.get(i).value() ? previous : i + 1;
				ranks.put(list.get(i).score().unit().unitCode(), rank);
				previous = rank;
			}
		});
		return ranks;
	}

	private static boolean perBlock(Computed c, String ranking) {
		return c.config() != null
				&& c.config().tiers().stream().anyMatch(t -> !t.individual() && t.perBlock() && t.ranking().equals(ranking));
	}

	private static List<JudgedView> judged(Computed c) {
		if (c.config() == null) {
			return List.of();
		}
		Map<String, ReadModels.UnitInfo> units = c.units()
			.stream()
			.collect(Collectors.toMap(ReadModels.UnitInfo::unitCode, u -> u));
		return c.config()
			.judged()
			.stream()
			.map(round -> new JudgedView(round.roundId(), round.title(), round.kind(), round.summed(),
					c.judgedEntries()
						.getOrDefault(round.roundId(), List.of())
						.stream()
						.map(e -> new JudgedEntryRow(e.rank(), e.entryId(), e.title(), e.unitCode(),
								JudgedRanking.shown(e.score()), e.judges()))
						.toList(),
					c.judgedUnits().getOrDefault(round.roundId(), List.of()).stream().map(u -> {
						ReadModels.UnitInfo unit = units.get(u.unitCode());
						return new JudgedUnitRow(u.rank(), u.unitCode(), unit == null ? null : unit.name(),
								unit == null ? null : unit.block(), JudgedRanking.shown(u.score()), u.entries());
					}).toList()))
			.toList();
	}

	/** The collective rankings the contest's tiers use, or the usual three when it names none. */
	private static List<String> rankings(Computed c) {
		List<String> used = c.config() == null ? List.of() : c.config().tiers()
			.stream()
			.filter(t -> !t.individual())
			.map(t -> t.ranking())
			.filter(r -> !"judged".equals(r))
			.distinct()
			.toList();
		return used.isEmpty() ? List.of("participants", "participation-rate", "mean-score") : used;
	}

	static List<UnitRow> units(Computed c) {
		Map<String, Long> enrolled = c.entrants()
			.values()
			.stream()
			.filter(e -> !e.excluded() && e.unitCode() != null)
			.collect(Collectors.groupingBy(Entrant::unitCode, Collectors.counting()));
		Map<String, Set<String>> submitted = new java.util.HashMap<>();
		c.boards().values().forEach(list -> list.forEach(b -> b.rows().forEach(r -> {
			if (r.result().unitCode() != null) {
				submitted.computeIfAbsent(r.result().unitCode(), k -> new java.util.HashSet<>()).add(r.result().participantId());
			}
		})));
		return c.units()
			.stream()
			.sorted(java.util.Comparator.comparing(ReadModels.UnitInfo::unitCode))
			.map(u -> {
				long done = submitted.getOrDefault(u.unitCode(), Set.of()).size();
				Double rate = u.headcount() > 0 ? Math.round(1000.0 * done / u.headcount()) / 10.0 : null;
				return new UnitRow(u.unitCode(), u.name(), u.block(), u.headcount(),
						enrolled.getOrDefault(u.unitCode(), 0L), done, rate, Formats.band(rate));
			})
			.toList();
	}

	private static Row row(Board.Ranked r, boolean masked, boolean revealed) {
		var s = r.result();
		// While a prediction question is open, the public sees the order but not the scores: the
		// number of perfect scores is the answer being predicted.
		return new Row(r.rank(), s.participantId(), masked ? Formats.mask(s.displayName()) : s.displayName(),
				s.unitCode(), s.category(), s.period(), revealed ? s.correct() : null, s.questions(), s.durationMillis(),
				revealed ? s.prediction() : null, revealed ? r.predictionGap() : null, s.submittedAt(), s.attemptId(),
				s.eventId());
	}

	/** The provisional prizes: awards, ties waiting for the organiser, notes on unranked tiers. */
	@GetMapping("/{contestId}/prizes")
	Allocation prizes(@PathVariable String contestId, Caller caller) {
		caller.require(ORGANISERS);
		return this.results.of(contestId).allocation();
	}

	record TieResolution(@NotEmpty List<@NotBlank String> order, @NotBlank String reason) {
	}

	/** Orders the tied candidates as the organising committee decided (e.g. by drawing lots). */
	@PostMapping("/{contestId}/ties/{tieId}")
	Allocation resolve(@PathVariable String contestId, @PathVariable String tieId,
			@Valid @RequestBody TieResolution resolution, Caller caller) {
		caller.require(ORGANISERS);
		Tie tie = this.results.of(contestId)
			.allocation()
			.ties()
			.stream()
			.filter(t -> t.tieId().equals(tieId))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("awards.tie.not-found",
					"Không có trường hợp đồng hạng này (có thể kết quả đã thay đổi); vui lòng tải lại."));
		Set<String> tied = tie.candidates().stream().map(c -> c.id()).collect(Collectors.toSet());
		if (!Set.copyOf(resolution.order()).equals(tied) || resolution.order().size() != tied.size()) {
			throw ApiException.badRequest("awards.tie.order-invalid",
					"Thứ tự phải liệt kê đúng và đủ những người/đơn vị đồng hạng, mỗi người một lần.");
		}
		this.decisions.record(new TieDecisions.TieDecision(contestId + ":" + tieId, contestId, tieId,
				List.copyOf(resolution.order()), resolution.reason(), caller.userId(), this.clock.instant()));
		this.results.invalidate(contestId);
		return this.results.of(contestId).allocation();
	}

	static boolean isOrganiser(@Nullable Caller caller) {
		return caller != null && (caller.hasRole("organizer") || caller.hasRole("admin"));
	}

}
