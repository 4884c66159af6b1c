package vn.cchc.awards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.cchc.awards.ReadModels.AttemptResult;
import vn.cchc.awards.ReadModels.Entrant;
import vn.cchc.awards.ReadModels.RoundRule;
import vn.cchc.awards.ReadModels.UnitInfo;

/**
 * Provisional individual standings of a contest's quiz rounds: the counted attempt per person
 * (first or best, per the round), ranked by correct answers (desc), server duration (asc), then
 * submit time (asc). Excluded participants are never ranked.
 */
@Service
public class StandingsService {

	/** The order of the ranking rules; equal on all of them means an equal rank. */
	static final Comparator<AttemptResult> RANKING = Comparator.comparingInt(AttemptResult::correctCount)
		.reversed()
		.thenComparingLong(AttemptResult::durationMillis)
		.thenComparing(AttemptResult::submittedAt);

	private static final Comparator<AttemptResult> FIRST = Comparator.comparing(AttemptResult::submittedAt);

	private final MongoTemplate mongo;

	StandingsService(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	record Row(int rank, String participantId, String displayName, String unitCode, int correctCount,
			int questionCount, long durationMillis, Instant submittedAt, String attemptId, String eventId) {
	}

	/**
	 * Participation of one unit: enrolled and ranked (submitted) participants against the headcount
	 * the contest was published with; the rate is null where the headcount is unknown (0).
	 */
	record UnitRow(String unitCode, String name, String block, int headcount, long enrolled, long submitted,
			Double participationPercent) {
	}

	record Standings(String contestId, String roundId, int participants, List<Row> rows, List<UnitRow> units) {
	}

	Standings of(String contestId) {
		Query byContest = Query.query(Criteria.where("contestId").is(contestId));
		Map<String, String> counting = this.mongo.find(byContest, RoundRule.class)
			.stream()
			.collect(Collectors.toMap(RoundRule::roundId, RoundRule::counting));
		Map<String, Entrant> entrants = this.mongo.find(byContest, Entrant.class)
			.stream()
			.collect(Collectors.toMap(Entrant::participantId, Function.identity()));
		Map<String, AttemptResult> counted = new LinkedHashMap<>();
		for (AttemptResult result : this.mongo.find(byContest, AttemptResult.class)) {
			Entrant entrant = entrants.get(result.participantId());
			if (entrant != null && entrant.excluded()) {
				continue;
			}
			Comparator<AttemptResult> better = "best".equals(counting.get(result.roundId())) ? RANKING : FIRST;
			counted.merge(result.roundId() + ":" + result.participantId(), result,
					(a, b) -> better.compare(a, b) <= 0 ? a : b);
		}
		List<AttemptResult> ranked = new ArrayList<>(counted.values());
		ranked.sort(RANKING);
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < ranked.size(); i++) {
			AttemptResult r = ranked.get(i);
			int rank = i > 0 && RANKING.compare(ranked.get(i - 1), r) == 0 ? rows.get(i - 1).rank() : i + 1;
			Entrant entrant = entrants.get(r.participantId());
			rows.add(new Row(rank, r.participantId(), entrant == null ? null : entrant.displayName(),
					entrant == null ? null : entrant.unitCode(), r.correctCount(), r.questionCount(), r.durationMillis(),
					r.submittedAt(), r.attemptId(), r.eventId()));
		}
		String roundId = counting.size() == 1 ? counting.keySet().iterator().next() : null;
		return new Standings(contestId, roundId, rows.size(), rows, units(byContest, entrants.values(), rows));
	}

	private List<UnitRow> units(Query byContest, java.util.Collection<Entrant> entrants, List<Row> rows) {
		Map<String, Long> enrolled = entrants.stream()
			.filter(e -> !e.excluded())
			.collect(Collectors.groupingBy(Entrant::unitCode, Collectors.counting()));
		// A person counts once per unit, whatever the number of rounds they were ranked in.
		Map<String, Long> submitted = rows.stream()
			.filter(r -> r.unitCode() != null)
			.collect(Collectors.groupingBy(Row::unitCode,
					Collectors.collectingAndThen(Collectors.mapping(Row::participantId, Collectors.toSet()), s -> (long) s.size())));
		return this.mongo.find(byContest, UnitInfo.class)
			.stream()
			.sorted(Comparator.comparing(UnitInfo::unitCode))
			.map(u -> {
				long done = submitted.getOrDefault(u.unitCode(), 0L);
				Double rate = u.headcount() > 0 ? Math.round(1000.0 * done / u.headcount()) / 10.0 : null;
				return new UnitRow(u.unitCode(), u.name(), u.block(), u.headcount(),
						enrolled.getOrDefault(u.unitCode(), 0L), done, rate);
			})
			.toList();
	}

}
