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
import vn.cchc.awards.ReadModels.UnitInfo;
import vn.cchc.awards.ranking.Allocation;
import vn.cchc.awards.ranking.Board;
import vn.cchc.awards.ranking.Candidate;
import vn.cchc.awards.ranking.CollectiveRanking;
import vn.cchc.awards.ranking.IndividualRanking;
import vn.cchc.awards.ranking.PrizeAllocation;
import vn.cchc.awards.ranking.RoundSpec;
import vn.cchc.awards.ranking.Scored;
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
			Map<String, List<UnitScore>> unitScores, Allocation allocation, long stamp) {

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
		return compute(contestId, stamp, config, entrants, units, rounds, scored, this.decisions.of(contestId));
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
		List<Unit> unitList = units.stream().map(u -> new Unit(u.unitCode(), u.name(), u.block(), u.headcount())).toList();
		Map<String, List<Board>> boards = new LinkedHashMap<>();
		Map<String, List<UnitScore>> unitScores = new LinkedHashMap<>();
		for (RoundSpec round : rounds) {
			List<Board> roundBoards = IndividualRanking.rank(round, scored);
			boards.put(round.roundId(), roundBoards);
			unitScores.put(round.roundId(),
					CollectiveRanking.scores(unitList, roundBoards, config == null ? null : config.weights()));
		}
		String firstRound = rounds.isEmpty() ? null : rounds.get(0).roundId();
		List<Tier> tiers = config == null ? List.of() : config.tiers();
		Allocation allocation = PrizeAllocation.allocate(tiers, (tier, index) -> {
			String roundId = tier.roundId() != null ? tier.roundId() : firstRound;
			if (COLLECTIVE.contains(tier.ranking())) {
				return units(unitScores.getOrDefault(roundId, List.of()), tier);
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
		return new Computed(contestId, config, entrants, units, rounds, boards, unitScores, allocation, stamp);
	}

	private static Map<String, List<Candidate>> units(List<UnitScore> scores, Tier tier) {
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
							Formats.collective(tier.ranking(), p.value()), null, null))
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
