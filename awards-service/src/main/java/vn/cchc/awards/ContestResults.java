package vn.cchc.awards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.cchc.awards.ReadModels.AttemptResult;
import vn.cchc.awards.ReadModels.ContestConfig;
import vn.cchc.awards.ReadModels.Entrant;
import vn.cchc.awards.ReadModels.JudgedEntry;
import vn.cchc.awards.ReadModels.ScoreSheet;
import vn.cchc.awards.ReadModels.TeamInfo;
import vn.cchc.awards.ReadModels.UnitInfo;
import vn.cchc.awards.ranking.Allocation;
import vn.cchc.awards.ranking.Award;
import vn.cchc.awards.ranking.Board;
import vn.cchc.awards.ranking.Candidate;
import vn.cchc.awards.ranking.CollectiveRanking;
import vn.cchc.awards.ranking.IndividualRanking;
import vn.cchc.awards.ranking.JudgedRanking;
import vn.cchc.awards.ranking.JudgedRanking.EntryScore;
import vn.cchc.awards.ranking.JudgedRanking.Subject;
import vn.cchc.awards.ranking.JudgedRanking.UnitJudged;
import vn.cchc.awards.ranking.JudgedRound;
import vn.cchc.awards.ranking.PrizeAllocation;
import vn.cchc.awards.ranking.RoundSpec;
import vn.cchc.awards.ranking.Scored;
import vn.cchc.awards.ranking.Sheet;
import vn.cchc.awards.ranking.Tier;
import vn.cchc.awards.ranking.Unit;
import vn.cchc.awards.ranking.UnitScore;

/**
 * The provisional results of a contest computed from the read models: boards per round, week and
 * category, collective figures per unit, and the prize allocation with the organiser's tie
 * decisions applied. A contest's results are recomputed on the first read after an event changed
 * its read models (a per-contest change stamp), so hundreds of viewers cost one computation.
 */
@Service
public class ContestResults {

	private static final List<String> COLLECTIVE = List.of("participants", "all-correct", "participation-rate",
			"mean-score", "formula");

	private final MongoTemplate mongo;

	private final TieDecisions decisions;

	private final Map<String, AtomicLong> stamps = new ConcurrentHashMap<>();

	private final Map<String, Computed> cache = new ConcurrentHashMap<>();

	/** Inputs being loaded; events that arrive meanwhile are applied to them too. */
	private final Map<String, Inputs> loading = new ConcurrentHashMap<>();

	ContestResults(MongoTemplate mongo, TieDecisions decisions) {
		this.mongo = mongo;
		this.decisions = decisions;
	}

	/** Everything computed for one contest at one change stamp. */
	public record Computed(String contestId, @Nullable ContestConfig config, Map<String, Entrant> entrants,
			List<UnitInfo> units, List<RoundSpec> rounds, Map<String, List<Board>> boards,
			Map<String, List<UnitScore>> unitScores, Allocation allocation, long stamp,
			Map<String, List<EntryScore>> judgedEntries, Map<String, List<UnitJudged>> judgedUnits) {

		@Nullable RoundSpec round(@Nullable String roundId) {
			if (roundId == null) {
				return this.rounds.isEmpty() ? null : this.rounds.get(0);
			}
			return this.rounds.stream().filter(r -> r.roundId().equals(roundId)).findFirst().orElse(null);
		}

		public String title() {
			return this.config == null ? "" : this.config.title();
		}

		public String timeZone() {
			return this.config == null ? "Asia/Ho_Chi_Minh" : this.config.timeZone();
		}

	}

	/**
	 * A contest's read models held in memory: loaded from MongoDB on first use, then kept current
	 * by the documents each applied event carries ({@link ReadModelChanged}). A document loaded
	 * from MongoDB never replaces one an event already brought (it may be older).
	 */
	static final class Inputs {

		volatile @Nullable ContestConfig config;

		final Map<String, Entrant> entrants = new ConcurrentHashMap<>();

		final Map<String, UnitInfo> units = new ConcurrentHashMap<>();

		final Map<String, AttemptResult> results = new ConcurrentHashMap<>();

		final Map<String, ReadModels.AttemptStart> starts = new ConcurrentHashMap<>();

		final Map<String, JudgedEntry> entries = new ConcurrentHashMap<>();

		final Map<String, TeamInfo> teams = new ConcurrentHashMap<>();

		final Map<String, ScoreSheet> sheets = new ConcurrentHashMap<>();

		void apply(@Nullable Object document, boolean fromEvent) {
			switch (document) {
				case ContestConfig c -> {
					ContestConfig current = this.config;
					if (fromEvent || current == null) {
						this.config = c;
					}
				}
				case Entrant e -> put(this.entrants, e.participantId(), e, fromEvent);
				case UnitInfo u -> put(this.units, u.unitCode(), u, fromEvent);
				case AttemptResult r -> put(this.results, r.attemptId(), r, fromEvent);
				case ReadModels.AttemptStart a -> put(this.starts, a.attemptId(), a, fromEvent);
				case JudgedEntry e -> put(this.entries, e.entryId(), e, fromEvent);
				case TeamInfo t -> put(this.teams, t.teamId(), t, fromEvent);
				case ScoreSheet sh -> put(this.sheets, sh.sheetId(), sh, fromEvent);
				case null, default -> {
				}
			}
		}

		private static <T> void put(Map<String, T> map, String key, T value, boolean fromEvent) {
			if (fromEvent) {
				map.put(key, value);
			}
			else {
				map.putIfAbsent(key, value);
			}
		}

	}

	private final Map<String, Inputs> inputs = new ConcurrentHashMap<>();

	@EventListener
	void on(ReadModelChanged change) {
		// Loading first: a load registers itself there, puts itself in inputs, then leaves loading,
		// so one of the two lookups sees it; if neither does, it has not read MongoDB yet and will
		// find the document there (the listener wrote it before announcing it).
		Inputs held = this.loading.get(change.contestId());
		if (held == null) {
			held = this.inputs.get(change.contestId());
		}
		if (held != null) {
			held.apply(change.document(), true);
		}
		invalidate(change.contestId());
	}

	void invalidate(String contestId) {
		this.stamps.computeIfAbsent(contestId, k -> new AtomicLong()).incrementAndGet();
	}

	/** After a rebuild dropped the read models: forget everything held in memory. */
	void invalidateAll() {
		this.inputs.clear();
		this.stamps.values().forEach(AtomicLong::incrementAndGet);
		this.cache.clear();
	}

	/** The contest's inputs, loaded once; registered before loading so no event is missed meanwhile. */
	Inputs inputs(String contestId) {
		Inputs held = this.inputs.get(contestId);
		if (held != null) {
			return held;
		}
		synchronized (this.inputs) {
			held = this.inputs.get(contestId);
			if (held != null) {
				return held;
			}
			Inputs loading = new Inputs();
			this.loading.put(contestId, loading);
			try {
				Query byContest = Query.query(Criteria.where("contestId").is(contestId));
				loading.apply(this.mongo.findById(contestId, ContestConfig.class), false);
				this.mongo.find(byContest, Entrant.class).forEach(e -> loading.apply(e, false));
				this.mongo.find(byContest, UnitInfo.class).forEach(u -> loading.apply(u, false));
				this.mongo.find(byContest, AttemptResult.class).forEach(r -> loading.apply(r, false));
				this.mongo.find(byContest, ReadModels.AttemptStart.class).forEach(a -> loading.apply(a, false));
				this.mongo.find(byContest, JudgedEntry.class).forEach(e -> loading.apply(e, false));
				this.mongo.find(byContest, TeamInfo.class).forEach(t -> loading.apply(t, false));
				this.mongo.find(byContest, ScoreSheet.class).forEach(sh -> loading.apply(sh, false));
				this.inputs.put(contestId, loading);
			}
			finally {
				this.loading.remove(contestId);
			}
			return loading;
		}
	}

	public Computed of(String contestId) {
		long stamp = this.stamps.computeIfAbsent(contestId, k -> new AtomicLong()).get();
		Computed cached = this.cache.get(contestId);
		if (cached != null && cached.stamp() == stamp) {
			return cached;
		}
		Computed fresh = compute(contestId, stamp);
		this.cache.put(contestId, fresh);
		return fresh;
	}

	private Computed compute(String contestId, long stamp) {
		Inputs in = inputs(contestId);
		ContestConfig config = in.config;
		Map<String, Entrant> entrants = Map.copyOf(in.entrants);
		List<UnitInfo> units = List.copyOf(in.units.values());
		List<Scored> scored = scored(in.results.values(), entrants);
		List<RoundSpec> rounds = config != null ? config.rounds() : scored.stream()
			.map(Scored::roundId)
			.distinct()
			.sorted()
			.map(id -> new RoundSpec(id, "", "best", false, null, false, null))
			.toList();
		return compute(contestId, stamp, config, entrants, units, rounds, scored, judging(in),
				this.decisions.of(contestId));
	}

	/**
	 * The judges' sheets and what they are about: an entry (its unit from the submission) or, for
	 * a live round that judges teams, a team (its unit from the roster); an entry id wins over a
	 * team id.
	 */
	static Judging judging(Inputs in) {
		Map<String, Subject> subjects = new HashMap<>();
		in.teams.values().forEach(t -> subjects.put(t.teamId(), new Subject(t.teamId(), t.name(), t.unitCode())));
		in.entries.values().forEach(e -> subjects.put(e.entryId(), new Subject(e.entryId(), e.title(), e.unitCode())));
		return new Judging(in.sheets.values().stream().map(ScoreSheet::sheet).toList(), Map.copyOf(subjects));
	}

	/** The judging inputs of a contest. */
	record Judging(List<Sheet> sheets, Map<String, Subject> subjects) {

		static final Judging NONE = new Judging(List.of(), Map.of());

	}

	/** Attempts of people not excluded, with what the standings show of them. */
	static List<Scored> scored(java.util.Collection<AttemptResult> results, Map<String, Entrant> entrants) {
		List<Scored> scored = new ArrayList<>(results.size());
		for (AttemptResult r : results) {
			Entrant e = entrants.get(r.participantId());
			if (e != null && e.excluded()) {
				continue;
			}
			scored.add(new Scored(r.attemptId(), r.roundId(), r.participantId(), e == null ? null : e.displayName(),
					e == null ? null : e.unitCode(), r.category() != null ? r.category() : e == null ? null : e.category(),
					r.period(), r.correctCount(), r.questionCount(), r.durationMillis(), r.prediction(),
					r.submittedAt(), r.eventId()));
		}
		return scored;
	}

	/** The pure part, separate so a benchmark can time it without MongoDB. */
	static Computed compute(String contestId, long stamp, @Nullable ContestConfig config, Map<String, Entrant> entrants,
			List<UnitInfo> units, List<RoundSpec> rounds, List<Scored> scored, Map<String, List<String>> decided) {
		return compute(contestId, stamp, config, entrants, units, rounds, scored, Judging.NONE, decided);
	}

	/**
	 * Boards, collective figures, judged rankings and prizes. Prize points (tiers with
	 * {@code points}) come from the prizes of the tiers not ranked by the formula: those are
	 * allocated once with no prize points, each unit sums the points of what it and its people won
	 * there, and the collective figures and the whole allocation are then computed with them.
	 */
	static Computed compute(String contestId, long stamp, @Nullable ContestConfig config, Map<String, Entrant> entrants,
			List<UnitInfo> units, List<RoundSpec> rounds, List<Scored> scored, Judging judging,
			Map<String, List<String>> decided) {
		List<Unit> unitList = units.stream().map(u -> new Unit(u.unitCode(), u.name(), u.block(), u.headcount())).toList();
		Map<String, Unit> unitByCode = new HashMap<>();
		unitList.forEach(u -> unitByCode.put(u.unitCode(), u));
		Map<String, List<Board>> boards = new LinkedHashMap<>();
		for (RoundSpec round : rounds) {
			boards.put(round.roundId(), IndividualRanking.rank(round, scored));
		}
		List<JudgedRound> judgedRounds = config == null ? List.of() : config.judged();
		Map<String, List<EntryScore>> judgedEntries = new LinkedHashMap<>();
		Map<String, List<UnitJudged>> judgedUnits = new LinkedHashMap<>();
		Map<String, Double> judgedTotal = new HashMap<>();
		for (JudgedRound round : judgedRounds) {
			List<EntryScore> entries = JudgedRanking.entries(round.roundId(), judging.sheets(),
					judging.subjects()::get);
			List<UnitJudged> ranked = JudgedRanking.units(entries, round.summed())
				.stream()
				.filter(u -> unitByCode.containsKey(u.unitCode()))
				.toList();
			judgedEntries.put(round.roundId(), entries);
			judgedUnits.put(round.roundId(), ranked);
			ranked.forEach(u -> judgedTotal.merge(u.unitCode(), u.score().doubleValue(), Double::sum));
		}
		Map<String, Double> weights = config == null ? null : config.weights();
		int threshold = config == null ? 100 : config.allCorrectThreshold();
		List<Tier> tiers = config == null ? List.of() : config.tiers();
		String firstRound = rounds.isEmpty() ? null : rounds.get(0).roundId();
		String firstJudged = judgedRounds.isEmpty() ? null : judgedRounds.get(0).roundId();

		Map<String, Double> points = Map.of();
		Map<String, List<UnitScore>> unitScores = unitScores(unitList, boards, weights, threshold, judgedTotal, points);
		Allocation allocation = allocate(tiers, unitScores, boards, judgedEntries, judgedUnits, unitByCode, unitList,
				weights, threshold, judgedTotal, points, firstRound, firstJudged, decided);
		if (tiers.stream().anyMatch(t -> t.pointsPerPrize() != 0)) {
			points = prizePoints(tiers, allocation);
			unitScores = unitScores(unitList, boards, weights, threshold, judgedTotal, points);
			allocation = allocate(tiers, unitScores, boards, judgedEntries, judgedUnits, unitByCode, unitList, weights,
					threshold, judgedTotal, points, firstRound, firstJudged, decided);
		}
		return new Computed(contestId, config, entrants, units, rounds, boards, unitScores, allocation, stamp,
				judgedEntries, judgedUnits);
	}

	private static Map<String, List<UnitScore>> unitScores(List<Unit> units, Map<String, List<Board>> boards,
			@Nullable Map<String, Double> weights, int threshold, Map<String, Double> judged,
			Map<String, Double> points) {
		Map<String, List<UnitScore>> unitScores = new LinkedHashMap<>();
		boards.forEach((roundId, roundBoards) -> unitScores.put(roundId,
				CollectiveRanking.scores(units, roundBoards, weights, threshold, judged, points)));
		return unitScores;
	}

	/** Each unit's points from the prizes of tiers not ranked by the formula. */
	static Map<String, Double> prizePoints(List<Tier> tiers, Allocation allocation) {
		Map<String, Double> points = new HashMap<>();
		for (Award award : allocation.awards()) {
			Tier tier = tiers.get(award.tierIndex());
			String unit = tier.individual() ? award.unitCode() : award.winnerId();
			if (!"formula".equals(tier.ranking()) && tier.pointsPerPrize() != 0 && unit != null) {
				points.merge(unit, tier.pointsPerPrize(), Double::sum);
			}
		}
		return points;
	}

	private static Allocation allocate(List<Tier> tiers, Map<String, List<UnitScore>> unitScores,
			Map<String, List<Board>> boards, Map<String, List<EntryScore>> judgedEntries,
			Map<String, List<UnitJudged>> judgedUnits, Map<String, Unit> unitByCode, List<Unit> unitList,
			@Nullable Map<String, Double> weights, int threshold, Map<String, Double> judgedTotal,
			Map<String, Double> points, @Nullable String firstRound, @Nullable String firstJudged,
			Map<String, List<String>> decided) {
		return PrizeAllocation.allocate(tiers, (tier, index) -> {
			if ("judged".equals(tier.ranking())) {
				String roundId = tier.roundId() != null ? tier.roundId() : firstJudged;
				List<EntryScore> entries = judgedEntries.getOrDefault(roundId, List.of());
				if (entries.isEmpty()) {
					return null;
				}
				return tier.individual() ? entries(entries, unitByCode)
						: judgedUnits(judgedUnits.getOrDefault(roundId, List.of()), unitByCode, tier);
			}
			String roundId = tier.roundId() != null ? tier.roundId() : firstRound;
			if (COLLECTIVE.contains(tier.ranking())) {
				List<UnitScore> scores = unitScores.get(roundId);
				if (scores == null) {
					// A formula over a round without a quiz: only the judged and prize-point parts count.
					scores = CollectiveRanking.scores(unitList, List.of(), weights, threshold, judgedTotal, points);
				}
				return units(scores, tier, threshold);
			}
			if (!"score".equals(tier.ranking()) || !tier.individual()) {
				return null;
			}
			Map<String, List<Candidate>> groups = new LinkedHashMap<>();
			List<Board> roundBoards = boards.getOrDefault(roundId, List.of());
			for (Board board : roundBoards) {
				groups.put(roundBoards.size() == 1 ? null : label(board), board.rows()
					.stream()
					.map(r -> new Candidate(r.result().participantId(), r.result().displayName(), r.result().unitCode(),
							null, r.rank(), Formats.score(r), r.result().attemptId(), r.result().eventId()))
					.toList());
			}
			return groups;
		}, decided);
	}

	/** Entries as candidates of an individual judged tier. */
	private static Map<String, List<Candidate>> entries(List<EntryScore> entries, Map<String, Unit> units) {
		Map<String, List<Candidate>> groups = new LinkedHashMap<>();
		groups.put(null, entries.stream().map(e -> {
			Unit unit = e.unitCode() == null ? null : units.get(e.unitCode());
			return new Candidate(e.entryId(), e.title(), e.unitCode(), unit == null ? null : unit.block(), e.rank(),
					Formats.judged(e.score(), e.judges()), null, null);
		}).toList());
		return groups;
	}

	/** Units as candidates of a collective judged tier, ranked again within each block when per block. */
	private static Map<String, List<Candidate>> judgedUnits(List<UnitJudged> ranked, Map<String, Unit> units,
			Tier tier) {
		Map<String, List<UnitJudged>> byBlock = new LinkedHashMap<>();
		for (UnitJudged u : ranked) {
			String block = tier.perBlock() ? String.valueOf(units.get(u.unitCode()).block()) : "";
			byBlock.computeIfAbsent(block, k -> new ArrayList<>()).add(u);
		}
		Map<String, List<Candidate>> groups = new LinkedHashMap<>();
		byBlock.forEach((block, list) -> {
			List<Candidate> candidates = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				UnitJudged u = list.get(i);
				int rank = i > 0 && list.get(i - 1).score().compareTo(u.score()) == 0 ? candidates.get(i - 1).rank()
						: i + 1;
				Unit unit = units.get(u.unitCode());
				candidates.add(new Candidate(u.unitCode(), unit.name(), u.unitCode(), unit.block(), rank,
						Formats.judgedUnit(u.score(), u.entries()), null, null));
			}
			groups.put(tier.perBlock() ? block : null, candidates);
		});
		return groups;
	}

	private static Map<String, List<Candidate>> units(List<UnitScore> scores, Tier tier, int threshold) {
		Map<String, List<UnitScore>> byBlock = new LinkedHashMap<>();
		for (UnitScore s : scores) {
			if (s.value(tier.ranking()) > 0) {
				byBlock.computeIfAbsent(tier.perBlock() ? String.valueOf(s.unit().block()) : "", k -> new ArrayList<>()).add(s);
			}
		}
		Map<String, List<Candidate>> groups = new LinkedHashMap<>();
		byBlock.forEach((block, list) -> groups.put(tier.perBlock() ? block : null,
				CollectiveRanking.rank(list, tier.ranking())
					.stream()
					.map(p -> new Candidate(p.score().unit().unitCode(), p.score().unit().name(),
							p.score().unit().unitCode(), p.score().unit().block(), p.rank(),
							Formats.collective(tier.ranking(), p.value(), threshold), null, null))
					.toList()));
		return groups;
	}

	static String label(Board board) {
		List<String> parts = new ArrayList<>();
		if (board.period() != null) {
			parts.add("Tuần " + board.period().replaceFirst("^w", ""));
		}
		if (board.category() != null) {
			parts.add(Formats.category(board.category()));
		}
		return String.join(" · ", parts);
	}

	/** Figures of one unit across the contest, for exports (the first round's, where there is one). */
	static Map<String, UnitScore> unitScores(Computed c) {
		Map<String, UnitScore> byCode = new HashMap<>();
		RoundSpec first = c.round(null);
		if (first != null) {
			c.unitScores().getOrDefault(first.roundId(), List.of()).forEach(s -> byCode.put(s.unit().unitCode(), s));
		}
		return byCode;
	}

	static boolean revealsPrediction(Computed c, boolean organiser, Instant now) {
		return organiser || c.rounds().stream().allMatch(r -> r.predictionCounts() == null || r.closedAt(now));
	}

}
