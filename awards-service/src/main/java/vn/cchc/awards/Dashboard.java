package vn.cchc.awards;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import vn.cchc.awards.ReadModels.AttemptResult;
import vn.cchc.awards.ReadModels.AttemptStart;
import vn.cchc.awards.ReadModels.ContestConfig;
import vn.cchc.awards.ReadModels.Entrant;
import vn.cchc.awards.ReadModels.UnitInfo;

/**
 * The live participation figures Home Affairs watches: enrolled, in progress and submitted people
 * by unit (rate against headcount, band), by category, per hour, and the top units. The number of
 * all-correct attempts answers the usual prediction question, so it is left out for everyone but
 * organisers until every round with a prediction has closed.
 */
@Service
class Dashboard {

	private final ContestResults results;

	private final Clock clock;

	Dashboard(ContestResults results, Clock clock) {
		this.results = results;
		this.clock = clock;
	}

	record UnitFigures(String unitCode, String name, @Nullable String block, int headcount, int enrolled,
			int inProgress, int submitted, @Nullable Double rate, String band) {
	}

	record CategoryFigures(String category, String label, int enrolled, int inProgress, int submitted) {
	}

	/** Submitted attempts in one hour (local time of the contest) and the running total. */
	record Point(Instant hour, int submitted, int cumulative) {
	}

	/**
	 * The figures at {@code at} (when they were computed). {@code lastEventAt} is the time stamped by
	 * the source service on the newest event folded in (an attempt's start or submission by the
	 * quiz-service, an enrolment by the registration-service), null before any: the age of the view
	 * is {@code at - lastEventAt}, and a viewer's delay receive time minus {@code lastEventAt}.
	 */
	record View(String contestId, String title, Instant at, int enrolled, int inProgress, int submitted,
			int attempts, @Nullable Integer allCorrect, boolean allCorrectHidden, List<UnitFigures> units,
			List<CategoryFigures> categories, List<Point> timeline, List<UnitFigures> topUnits,
			@Nullable Instant lastEventAt) {
	}

	View of(String contestId, boolean organiser) {
		Instant now = this.clock.instant();
		ContestResults.Inputs in = this.results.inputs(contestId);
		ContestConfig config = in.config;
		Map<String, Entrant> entrants = in.entrants;
		Set<String> submittedIds = new HashSet<>();
		Map<String, Set<String>> submittedBy = new HashMap<>();
		Map<Instant, Integer> perHour = new TreeMap<>();
		int attempts = 0;
		int allCorrect = 0;
		Instant lastEventAt = null;
		for (AttemptResult r : in.results.values()) {
			lastEventAt = later(lastEventAt, r.submittedAt());
			Entrant e = entrants.get(r.participantId());
			if (e != null && e.excluded()) {
				continue;
			}
			attempts++;
			submittedIds.add(r.attemptId());
			if (r.questionCount() > 0 && r.correctCount() >= r.questionCount()) {
				allCorrect++;
			}
			submittedBy.computeIfAbsent(key(e), k -> new HashSet<>()).add(r.participantId());
			submittedBy.computeIfAbsent(categoryKey(e), k -> new HashSet<>()).add(r.participantId());
			perHour.merge(r.submittedAt().truncatedTo(ChronoUnit.HOURS), 1, Integer::sum);
		}
		Map<String, Set<String>> inProgressBy = new HashMap<>();
		Set<String> inProgress = new HashSet<>();
		for (AttemptStart s : in.starts.values()) {
			lastEventAt = later(lastEventAt, s.startedAt());
			Entrant e = entrants.get(s.participantId());
			if (submittedIds.contains(s.attemptId()) || !s.deadline().isAfter(now) || (e != null && e.excluded())) {
				continue;
			}
			inProgress.add(s.participantId());
			inProgressBy.computeIfAbsent(key(e), k -> new HashSet<>()).add(s.participantId());
			inProgressBy.computeIfAbsent(categoryKey(e), k -> new HashSet<>()).add(s.participantId());
		}
		Map<String, Integer> enrolledBy = new HashMap<>();
		int enrolled = 0;
		for (Entrant e : entrants.values()) {
			lastEventAt = later(lastEventAt, e.enrolledAt());
			if (!e.excluded() && e.displayName() != null) {
				enrolled++;
				enrolledBy.merge(key(e), 1, Integer::sum);
				enrolledBy.merge(categoryKey(e), 1, Integer::sum);
			}
		}
		List<UnitFigures> units = new ArrayList<>();
		for (UnitInfo u : in.units.values()) {
			String k = "u:" + u.unitCode();
			int done = submittedBy.getOrDefault(k, Set.of()).size();
			Double rate = u.headcount() > 0 ? Math.round(1000.0 * done / u.headcount()) / 10.0 : null;
			units.add(new UnitFigures(u.unitCode(), u.name(), u.block(), u.headcount(), enrolledBy.getOrDefault(k, 0),
					inProgressBy.getOrDefault(k, Set.of()).size(), done, rate, Formats.band(rate)));
		}
		units.sort(Comparator.comparing(UnitFigures::unitCode));
		List<CategoryFigures> categories = new ArrayList<>();
		new TreeMap<>(enrolledBy).keySet().stream().filter(k -> k.startsWith("c:")).forEach(k -> {
			String category = k.substring(2);
			categories.add(new CategoryFigures(category, Formats.category(category), enrolledBy.getOrDefault(k, 0),
					inProgressBy.getOrDefault(k, Set.of()).size(), submittedBy.getOrDefault(k, Set.of()).size()));
		});
		List<Point> timeline = new ArrayList<>();
		int running = 0;
		for (Map.Entry<Instant, Integer> hour : perHour.entrySet()) {
			running += hour.getValue();
			timeline.add(new Point(hour.getKey(), hour.getValue(), running));
		}
		List<UnitFigures> top = units.stream()
			.filter(u -> u.submitted() > 0)
			.sorted(Comparator.comparing((UnitFigures u) -> u.rate() == null ? -1 : u.rate())
				.reversed()
				.thenComparing(Comparator.comparingInt(UnitFigures::submitted).reversed()))
			.limit(5)
			.toList();
		boolean reveal = organiser || config == null || config.rounds()
			.stream()
			.allMatch(r -> r.predictionCounts() == null || r.closedAt(now));
		int submittedPeople = (int) submittedBy.entrySet()
			.stream()
			.filter(en -> en.getKey().startsWith("c:"))
			.mapToLong(en -> en.getValue().size())
			.sum();
		return new View(contestId, config == null ? "" : config.title(), now, enrolled, inProgress.size(),
				submittedPeople, attempts, reveal ? allCorrect : null, !reveal, units, categories, timeline, top,
				lastEventAt);
	}

	private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
		return a == null || (b != null && b.isAfter(a)) ? b : a;
	}

	private static String key(@Nullable Entrant e) {
		return "u:" + (e == null ? "" : e.unitCode());
	}

	private static String categoryKey(@Nullable Entrant e) {
		return "c:" + (e == null || e.category() == null ? "khac" : e.category());
	}

	static String csv(View view, ZoneId zone) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append("ma_don_vi,ten_don_vi,khoi,bien_che,da_dang_ky,dang_lam_bai,da_nop_bai,ty_le_phan_tram,muc\r\n");
		for (UnitFigures u : view.units()) {
			csv.append(String.join(",", Documents.csvCell(u.unitCode()), Documents.csvCell(u.name()),
					Documents.csvCell(u.block()), String.valueOf(u.headcount()), String.valueOf(u.enrolled()),
					String.valueOf(u.inProgress()), String.valueOf(u.submitted()),
					u.rate() == null ? "" : String.valueOf(u.rate()), u.band()))
				.append("\r\n");
		}
		csv.append("\r\ngio,so_bai_nop,luy_ke\r\n");
		for (Point p : view.timeline()) {
			csv.append(p.hour().atZone(zone).toLocalDateTime()).append(',').append(p.submitted()).append(',')
				.append(p.cumulative()).append("\r\n");
		}
		return csv.toString();
	}

}
