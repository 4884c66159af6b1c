package vn.cchc.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import vn.cchc.contracts.ContestEvent.CollectiveScoring;
import vn.cchc.contracts.ContestEvent.Eligibility;
import vn.cchc.contracts.ContestEvent.Prediction;
import vn.cchc.contracts.ContestEvent.PrizeTier;
import vn.cchc.contracts.ContestEvent.QuizSettings;
import vn.cchc.contracts.ContestEvent.StagePart;
import vn.cchc.contracts.ContestEvent.TeamLimits;
import vn.cchc.platform.web.ApiException;
import vn.cchc.registration.Contest.Round;
import vn.cchc.registration.Contest.Unit;
import vn.cchc.registration.ContestRequests.QuizInput;
import vn.cchc.registration.ContestRequests.RoundInput;

/**
 * The rules a contest's configuration must keep, checked on every create, edit and publish; each
 * refusal is a problem detail in Vietnamese naming the round or prize tier at fault.
 */
final class ContestRules {

	static final Map<String, String> CATEGORIES = Map.of("civil-servant", "cán bộ, công chức, viên chức", "citizen",
			"người dân");

	static final Set<String> SCOPES = Set.of("individual", "collective");

	static final Set<String> INDIVIDUAL_RANKINGS = Set.of("score", "judged");

	static final Set<String> COLLECTIVE_RANKINGS = Set.of("participants", "all-correct", "participation-rate",
			"mean-score", "formula", "judged");

	static final Set<String> SCORING_COMPONENTS = Set.of("participation-rate", "mean-score", "all-correct",
			"participants", "judged", "prize-points");

	private ContestRules() {
	}

	/** Rounds as stored, and the id each round key of the input stands for. */
	record Rounds(List<Round> rounds, Map<String, String> idByKey) {
	}

	/**
	 * Rounds from input. A {@code roundId} naming an existing round keeps that round's id and window
	 * history; any other {@code roundId} is the client's key for a new round (prize tiers refer to
	 * rounds by it) and the round gets a fresh id: round ids are global, other services key their
	 * copies by them.
	 */
	static Rounds rounds(List<RoundInput> inputs, List<Round> existing) {
		Map<String, Round> known = existing.stream().collect(Collectors.toMap(Round::roundId, Function.identity()));
		Set<String> seen = new HashSet<>();
		Map<String, String> idByKey = new HashMap<>();
		List<Round> rounds = new ArrayList<>();
		for (RoundInput input : inputs) {
			String title = input.title().strip();
			if (input.opensAt() != null && input.closesAt() != null && !input.closesAt().isAfter(input.opensAt())) {
				throw ApiException.badRequest("contest.round.window-invalid",
						"Vòng «" + title + "»: thời điểm kết thúc phải sau thời điểm bắt đầu.");
			}
			String key = input.roundId() == null || input.roundId().isBlank() ? null : input.roundId().strip();
			Round previous = key == null ? null : known.get(key);
			if (key != null && !seen.add(key)) {
				throw ApiException.badRequest("contest.round.duplicate",
						"Vòng «" + title + "»: mã vòng «" + key + "» được khai báo hai lần.");
			}
			if (previous != null && !previous.kind().equals(input.kind())) {
				throw ApiException.badRequest("contest.round.kind-changed",
						"Vòng «" + title + "»: không đổi được loại vòng thi; hãy xoá vòng và tạo vòng mới.");
			}
			QuizSettings quiz = null;
			if ("quiz".equals(input.kind())) {
				if (input.quiz() == null) {
					throw ApiException.badRequest("contest.round.quiz-missing",
							"Vòng «" + title + "»: cần cấu hình bài thi trắc nghiệm (ngân hàng câu hỏi, số câu, thời gian).");
				}
				quiz = quiz(title, input.quiz());
			}
			List<StagePart> parts = input.parts() == null ? List.of()
					: input.parts().stream().map(p -> new StagePart(p.name().strip(), p.limitSeconds(), p.conferSeconds())).toList();
			if (!parts.isEmpty() && !"live".equals(input.kind())) {
				throw ApiException.badRequest("contest.round.parts-not-live",
						"Vòng «" + title + "»: chỉ vòng thi trực tiếp (live) có các phần thi tính giờ.");
			}
			String id = previous == null ? UUID.randomUUID().toString() : previous.roundId();
			if (key != null) {
				idByKey.put(key, id);
			}
			rounds.add(new Round(id, input.kind(), title, input.opensAt(), input.closesAt(), quiz,
					previous == null ? List.of() : previous.extensions(), parts, strip(input.criteria()),
					strip(input.reviews())));
		}
		return new Rounds(rounds, idByKey);
	}

	private static QuizSettings quiz(String title, QuizInput input) {
		Map<String, String> banks = input.categoryBanks() == null ? Map.of() : input.categoryBanks();
		for (var entry : banks.entrySet()) {
			if (!CATEGORIES.containsKey(entry.getKey()) || entry.getValue() == null || entry.getValue().isBlank()) {
				throw ApiException.badRequest("contest.round.category-bank-invalid", "Vòng «" + title
						+ "»: bộ câu hỏi riêng chỉ dành cho đối tượng civil-servant hoặc citizen, kèm mã ngân hàng câu hỏi.");
			}
		}
		Prediction prediction = input.prediction() == null ? null
				: new Prediction(input.prediction().question().strip(), input.prediction().counts());
		return new QuizSettings(input.bankCode().strip(), input.questionCount(), input.timeLimitSeconds(),
				input.attemptsAllowed(), input.counting(), input.shuffleOptions(), input.stratifyByTopic(),
				Map.copyOf(banks), input.period() == null ? "round" : input.period(), prediction,
				input.resultsShown() == null ? "after-submit" : input.resultsShown());
	}

	static @Nullable Eligibility eligibility(@Nullable Eligibility input) {
		if (input == null) {
			return null;
		}
		List<String> categories = input.categories() == null ? List.of() : input.categories();
		if (categories.isEmpty()) {
			throw ApiException.badRequest("contest.eligibility.categories-empty",
					"Cần chọn ít nhất một đối tượng dự thi (cán bộ, công chức, viên chức hoặc người dân).");
		}
		for (String category : categories) {
			if (!CATEGORIES.containsKey(category)) {
				throw ApiException.badRequest("contest.eligibility.category-invalid",
						"Đối tượng dự thi «" + category + "» không hợp lệ (civil-servant hoặc citizen).");
			}
		}
		return new Eligibility(List.copyOf(new LinkedHashSet<>(categories)), blankToNull(input.area()),
				strip(input.exclusions()));
	}

	static @Nullable TeamLimits team(@Nullable TeamLimits input) {
		if (input != null && (input.maxMembers() < 0 || input.maxInvited() < 0)) {
			throw ApiException.badRequest("contest.team.limit-invalid",
					"Số thành viên và số người mời thêm của đội không được âm (0 là không giới hạn).");
		}
		return input;
	}

	/**
	 * Prize tiers, checked against the rounds (a tier's {@code roundId} is a round key of the same
	 * request or an existing round id) and the units (collective winners).
	 */
	static List<PrizeTier> prizes(@Nullable List<PrizeTier> input, Rounds rounds, List<Unit> units) {
		if (input == null) {
			return List.of();
		}
		Set<String> roundIds = rounds.rounds().stream().map(Round::roundId).collect(Collectors.toSet());
		List<PrizeTier> prizes = new ArrayList<>();
		for (PrizeTier tier : input) {
			String name = tier.name() == null ? "" : tier.name().strip();
			if (name.isEmpty()) {
				throw ApiException.badRequest("contest.prize.name-missing", "Mỗi cơ cấu giải cần có tên giải.");
			}
			if (tier.count() < 0 || tier.amountVnd() < 0) {
				throw ApiException.badRequest("contest.prize.negative",
						"Giải «" + name + "»: số giải và số tiền thưởng không được âm.");
			}
			if (!SCOPES.contains(tier.scope())) {
				throw ApiException.badRequest("contest.prize.scope-invalid",
						"Giải «" + name + "»: phạm vi phải là individual (cá nhân) hoặc collective (tập thể).");
			}
			Set<String> rankings = "individual".equals(tier.scope()) ? INDIVIDUAL_RANKINGS : COLLECTIVE_RANKINGS;
			if (!rankings.contains(tier.ranking())) {
				throw ApiException.badRequest("contest.prize.ranking-invalid", "Giải «" + name
						+ "»: cách xếp hạng «" + tier.ranking() + "» không dùng được cho giải này (chọn một trong: "
						+ String.join(", ", new TreeSet<>(rankings)) + ").");
			}
			String roundId = tier.roundId() == null || tier.roundId().isBlank() ? null
					: rounds.idByKey().getOrDefault(tier.roundId(), tier.roundId());
			if (roundId != null && !roundIds.contains(roundId)) {
				throw ApiException.badRequest("contest.prize.round-unknown",
						"Giải «" + name + "»: vòng thi được xếp hạng không thuộc cuộc thi.");
			}
			if (tier.points() != null && (tier.points().isNaN() || tier.points().isInfinite() || tier.points() < 0)) {
				throw ApiException.badRequest("contest.prize.points-invalid",
						"Giải «" + name + "»: điểm quy đổi của mỗi giải phải là số không âm.");
			}
			prizes.add(new PrizeTier(name, tier.count(), tier.amountVnd(), tier.scope(), tier.ranking(),
					tier.rankedBy() == null ? "" : tier.rankedBy().strip(), roundId, tier.side(), tier.perBlock(),
					blankToNull(tier.awardForm()), blankToNull(tier.issuer()), tier.points()));
		}
		if (!units.isEmpty()) {
			collectiveWinnersFit(prizes, units);
		}
		return prizes;
	}

	/**
	 * A unit takes at most one main prize: the main collective tiers together, and each side tier,
	 * cannot have more winners than there are units (per block for tiers awarded per block).
	 */
	static void collectiveWinnersFit(List<PrizeTier> prizes, List<Unit> units) {
		Map<String, Integer> perBlock = new HashMap<>();
		units.forEach(u -> perBlock.merge(u.group() == null ? "" : u.group(), 1, Integer::sum));
		int smallestBlock = perBlock.values().stream().min(Integer::compare).orElse(0);
		int main = 0;
		int mainPerBlock = 0;
		for (PrizeTier tier : prizes) {
			if (!"collective".equals(tier.scope())) {
				continue;
			}
			int available = tier.perBlock() ? smallestBlock : units.size();
			if (tier.side() && tier.count() > available) {
				throw tooMany(tier.name(), tier.count(), available, tier.perBlock());
			}
			if (!tier.side()) {
				if (tier.perBlock()) {
					mainPerBlock += tier.count();
					if (mainPerBlock > smallestBlock) {
						throw tooMany(tier.name(), mainPerBlock, smallestBlock, true);
					}
				}
				else {
					main += tier.count();
					if (main > units.size()) {
						throw tooMany(tier.name(), main, units.size(), false);
					}
				}
			}
		}
	}

	private static ApiException tooMany(String name, int winners, int units, boolean perBlock) {
		return ApiException.badRequest("contest.prize.more-winners-than-units", "Giải «" + name + "»: cơ cấu giải tập thể có "
				+ winners + " giải nhưng " + (perBlock ? "khối thi ít đơn vị nhất chỉ có " : "cuộc thi chỉ có ") + units
				+ " đơn vị.")
			.withProperty("winners", winners)
			.withProperty("units", units);
	}

	static @Nullable CollectiveScoring scoring(@Nullable CollectiveScoring input) {
		if (input == null) {
			return null;
		}
		Map<String, Double> weights = input.weights() == null ? Map.of() : input.weights();
		for (var entry : weights.entrySet()) {
			if (!SCORING_COMPONENTS.contains(entry.getKey())) {
				throw ApiException.badRequest("contest.scoring.component-unknown", "Công thức tính điểm tập thể: thành phần «"
						+ entry.getKey() + "» không có (chọn trong: "
						+ String.join(", ", new TreeSet<>(SCORING_COMPONENTS)) + ").");
			}
			if (entry.getValue() == null || entry.getValue().isNaN() || entry.getValue() < 0) {
				throw ApiException.badRequest("contest.scoring.weight-invalid",
						"Công thức tính điểm tập thể: hệ số của «" + entry.getKey() + "» phải là số không âm.");
			}
		}
		Integer threshold = input.allCorrectPercent();
		if (threshold != null && (threshold < 1 || threshold > 100)) {
			throw ApiException.badRequest("contest.scoring.all-correct-percent-invalid",
					"Ngưỡng tính «trả lời đúng tất cả» phải từ 1 đến 100 (phần trăm số câu hỏi); để trống là 100%.")
				.withProperty("allCorrectPercent", threshold);
		}
		return new CollectiveScoring(input.description() == null ? "" : input.description().strip(), Map.copyOf(weights),
				threshold);
	}

	/** What publishing needs beyond a valid draft: every window set, units, and prizes that fit them. */
	static void readyToPublish(Contest draft) {
		for (Round round : draft.rounds()) {
			if (!round.hasWindow()) {
				throw ApiException.badRequest("contest.round.window-missing", "Vòng «" + round.title()
						+ "» chưa có thời gian bắt đầu và kết thúc; hãy nhập theo thông báo của Ban tổ chức trước khi công bố.");
			}
		}
		if (draft.units().isEmpty()) {
			throw ApiException.badRequest("contest.units.empty", "Cuộc thi chưa có đơn vị nào.");
		}
		collectiveWinnersFit(Contest.orEmpty(draft.prizes()), draft.units());
	}

	/**
	 * What a published contest keeps: its time zone, its rounds (none added or removed) with their
	 * windows (moved only by a documented extension) and, once a round has opened, its quiz settings.
	 */
	static void publishedRoundsKept(Contest current, List<Round> next, String timeZone, Instant now) {
		if (!current.timeZone().equals(timeZone)) {
			throw ApiException.conflict("contest.published.time-zone", "Cuộc thi đã công bố không đổi được múi giờ.");
		}
		Map<String, Round> before = current.rounds().stream().collect(Collectors.toMap(Round::roundId, Function.identity()));
		if (next.size() != before.size() || !next.stream().allMatch(r -> before.containsKey(r.roundId()))) {
			throw ApiException.conflict("contest.published.rounds",
					"Cuộc thi đã công bố không thêm hoặc bớt vòng thi được.");
		}
		for (Round round : next) {
			Round old = before.get(round.roundId());
			if (!Objects.equals(old.opensAt(), round.opensAt())
					|| !Objects.equals(old.closesAt(), round.closesAt())) {
				throw ApiException.conflict("contest.published.window", "Vòng «" + round.title()
						+ "»: thời gian của vòng thi đã công bố chỉ thay đổi bằng gia hạn có lý do và văn bản thông báo.");
			}
			if (old.opensAt() != null && !now.isBefore(old.opensAt()) && !Objects.equals(old.quiz(), round.quiz())) {
				throw ApiException.conflict("contest.published.round-open", "Vòng «" + round.title()
						+ "» đã bắt đầu; không thay đổi được cấu hình bài thi.");
			}
		}
	}

	/** The changes between two configurations, in words for the audit trail and the update event. */
	static String changes(Contest before, Contest after) {
		List<String> changed = new ArrayList<>();
		if (!before.title().equals(after.title()) || !before.organizer().equals(after.organizer())
				|| !Objects.equals(before.season(), after.season())) {
			changed.add("tên, đơn vị tổ chức, năm");
		}
		if (!before.timeZone().equals(after.timeZone())) {
			changed.add("múi giờ");
		}
		if (!before.units().equals(after.units())) {
			changed.add("đơn vị (" + after.units().size() + ")");
		}
		if (!before.rounds().equals(after.rounds())) {
			changed.add("vòng thi");
		}
		if (!Objects.equals(before.eligibility(), after.eligibility())) {
			changed.add("đối tượng dự thi");
		}
		if (!Objects.equals(before.team(), after.team())) {
			changed.add("quy định đội thi");
		}
		if (!Contest.orEmpty(before.prizes()).equals(Contest.orEmpty(after.prizes()))) {
			changed.add("cơ cấu giải thưởng");
		}
		if (!Objects.equals(before.collectiveScoring(), after.collectiveScoring())) {
			changed.add("cách tính điểm tập thể");
		}
		return changed.isEmpty() ? "Lưu cấu hình (không có thay đổi)" : "Sửa " + String.join("; ", changed);
	}

	private static List<String> strip(@Nullable List<String> values) {
		return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
