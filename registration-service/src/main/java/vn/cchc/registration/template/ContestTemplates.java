package vn.cchc.registration.template;

import static vn.cchc.registration.template.ContestTemplate.local;

import java.util.List;
import java.util.Optional;

import java.util.Map;

import vn.cchc.contracts.ContestEvent.CollectiveScoring;
import vn.cchc.contracts.ContestEvent.Eligibility;
import vn.cchc.contracts.ContestEvent.PrizeTier;
import vn.cchc.contracts.ContestEvent.StagePart;
import vn.cchc.contracts.ContestEvent.TeamLimits;
import vn.cchc.registration.template.ContestTemplate.QuizDefaults;
import vn.cchc.registration.template.ContestTemplate.RoundTemplate;

/**
 * The five plans of the seeds as templates. Every number comes from the plan's text; where a plan
 * leaves something open (a date "to be announced", the collective scoring formula) the template
 * says so and documents its default.
 */
public final class ContestTemplates {

	private static final String INDIVIDUAL = "individual";

	private static final String COLLECTIVE = "collective";

	private static final String SCORE = "score";

	private static final String FORMULA = "formula";

	private static final String JUDGED = "judged";

	private static final String GIAY_KHEN = "Giấy khen";

	private static final String QUIZ = "quiz";

	private static final String VIDEO = "video";

	private static final String LIVE = "live";

	private static final List<ContestTemplate> ALL = List.of(bongSon2024(), socTrang2021(), konRay2023(),
			trungLuong2024(), dakRlap2022());

	private ContestTemplates() {
	}

	public static List<ContestTemplate> all() {
		return ALL;
	}

	public static Optional<ContestTemplate> find(String code) {
		return ALL.stream().filter(t -> t.code().equals(code)).findFirst();
	}

	/** A main or side tier: {@code ranking} is the machine code, {@code rankedBy} the plan's words. */
	private static PrizeTier tier(String name, int count, long amountVnd, String scope, String ranking,
			String rankedBy, String roundId, boolean side, String awardForm, String issuer) {
		return new PrizeTier(name, count, amountVnd, scope, ranking, rankedBy, roundId, side, false, awardForm, issuer);
	}

	private static RoundTemplate quiz(String title, java.time.Instant opens, java.time.Instant closes,
			QuizDefaults quiz) {
		return new RoundTemplate(QUIZ, QUIZ, title, opens, closes, quiz, List.of(), List.of(), List.of());
	}

	/** Plan 003: Bồng Sơn ward online quiz 2024. */
	static ContestTemplate bongSon2024() {
		String issuer = "Chủ tịch UBND phường Bồng Sơn";
		String individualRank = "điểm số cao nhất, thời gian nhanh nhất";
		return new ContestTemplate("bong-son-2024", "Cuộc thi trực tuyến “Tìm hiểu về Cải cách hành chính” năm 2024",
				"UBND phường Bồng Sơn", "2024", ContestTemplate.DEFAULT_TIME_ZONE,
				"Thi trắc nghiệm trực tuyến cá nhân từ 07:00 01/7/2024 đến 17:00 21/7/2024; 6 giải cá nhân, 2 giải tập thể.",
				List.of(quiz("Thi trắc nghiệm trực tuyến", local(2024, 7, 1, 7, 0), local(2024, 7, 21, 17, 0),
						new QuizDefaults(20, 1800, 1, "first"))),
				new Eligibility(List.of("civil-servant", "citizen"),
						"Sinh sống, học tập, làm việc trên địa bàn phường Bồng Sơn",
						List.of("Thành viên Ban Tổ chức cuộc thi")),
				null,
				List.of(tier("Giải nhất", 1, 600_000, INDIVIDUAL, SCORE, individualRank, QUIZ, false, GIAY_KHEN, issuer),
						tier("Giải nhì", 1, 500_000, INDIVIDUAL, SCORE, individualRank, QUIZ, false, GIAY_KHEN, issuer),
						tier("Giải ba", 1, 400_000, INDIVIDUAL, SCORE, individualRank, QUIZ, false, GIAY_KHEN, issuer),
						tier("Giải khuyến khích", 3, 300_000, INDIVIDUAL, SCORE, individualRank, QUIZ, false, GIAY_KHEN,
								issuer),
						// The plan gives 02 collective prizes to the units with the best results "(most
						// participants, most participants with correct answers)"; by default one each.
						tier("Giải tập thể: đơn vị có số lượng người tham gia nhiều nhất", 1, 700_000, COLLECTIVE,
								"participants", "số lượng người tham gia cuộc thi nhiều nhất", QUIZ, false, GIAY_KHEN,
								issuer),
						tier("Giải tập thể: đơn vị có số người trả lời đúng nhiều nhất", 1, 700_000, COLLECTIVE,
								"all-correct", "số lượng người tham gia cuộc thi có đáp án đúng nhiều nhất", QUIZ, false,
								GIAY_KHEN, issuer)),
				new CollectiveScoring(
						"Mặc định: một giải cho đơn vị có nhiều người dự thi nhất, một giải cho đơn vị có nhiều người trả lời đúng tất cả các câu nhất (một đơn vị nhận tối đa một giải).",
						Map.of()));
	}

	/** Plan 001: Sóc Trăng province online contest 2021. */
	static ContestTemplate socTrang2021() {
		String collectiveRank = "Mặc định: điểm bình quân trắc nghiệm của công chức đơn vị (thang 100) cộng điểm video do Ban Giám khảo chấm (thang 100)";
		return new ContestTemplate("soc-trang-2021", "Hội thi trực tuyến Cải cách hành chính tỉnh Sóc Trăng năm 2021",
				"Sở Nội vụ tỉnh Sóc Trăng", "2021", ContestTemplate.DEFAULT_TIME_ZONE,
				"46 đơn vị; thi trắc nghiệm 10 câu và dựng video tuyên truyền từ 07:00 15/9/2021 đến 24:00 15/10/2021.",
				List.of(quiz("Thi tìm hiểu kiến thức cải cách hành chính", local(2021, 9, 15, 7, 0),
						local(2021, 10, 16, 0, 0), new QuizDefaults(10, 1800, 1, "first")),
						new RoundTemplate(VIDEO, VIDEO, "Dựng video tuyên truyền cải cách hành chính",
								local(2021, 9, 15, 7, 0), local(2021, 10, 16, 0, 0), null, List.of(), List.of(),
								List.of())),
				new Eligibility(List.of("civil-servant"), "Công chức, viên chức các đơn vị tham gia", List.of()),
				new TeamLimits(true, 0, 0),
				List.of(tier("Giải nhất", 1, 10_000_000, COLLECTIVE, FORMULA, collectiveRank, null, false, "Bằng khen",
						"Chủ tịch UBND tỉnh Sóc Trăng"),
						tier("Giải nhì", 2, 7_000_000, COLLECTIVE, FORMULA, collectiveRank, null, false, null, null),
						tier("Giải ba", 3, 5_000_000, COLLECTIVE, FORMULA, collectiveRank, null, false, null, null),
						tier("Giải khuyến khích", 4, 3_000_000, COLLECTIVE, FORMULA, collectiveRank, null, false, null,
								null),
						tier("Giải phụ video hay nhất", 10, 500_000, COLLECTIVE, JUDGED, "video hay nhất", VIDEO, true,
								null, null),
						tier("Giải phụ cá nhân", 10, 500_000, INDIVIDUAL, SCORE, "trả lời đúng nhiều nhất và nhanh nhất",
								QUIZ, true, null, null)),
				new CollectiveScoring(collectiveRank, Map.of("mean-score", 1.0, "judged", 1.0)));
	}

	/** Plan 000: Kon Rẫy district live contest 2023. */
	static ContestTemplate konRay2023() {
		String judged = "điểm Ban Giám khảo";
		return new ContestTemplate("kon-ray-2023", "Hội thi Cải cách hành chính huyện Kon Rẫy năm 2023",
				"UBND huyện Kon Rẫy", "2023", ContestTemplate.DEFAULT_TIME_ZONE,
				"Mỗi xã, thị trấn một đội (tối đa 12 thành viên, mời thêm 4 người); thi trực tiếp 3 phần.",
				List.of(new RoundTemplate(LIVE, LIVE, "Hội thi trực tiếp", null, null, null,
						List.of(new StagePart("Giới thiệu về đội", 180, 0), new StagePart("Trình diễn tiểu phẩm", 1200, 0),
								new StagePart("Trả lời câu hỏi", 180, 120)),
						List.of(), List.of())),
				new Eligibility(List.of("civil-servant"), "Xã, thị trấn trên địa bàn huyện Kon Rẫy", List.of()),
				new TeamLimits(true, 12, 4),
				List.of(tier("Giải nhất", 1, 0, COLLECTIVE, JUDGED, judged, LIVE, false, null, null),
						tier("Giải nhì", 1, 0, COLLECTIVE, JUDGED, judged, LIVE, false, null, null),
						tier("Giải ba", 2, 0, COLLECTIVE, JUDGED, judged, LIVE, false, null, null),
						tier("Giải khuyến khích", 3, 0, COLLECTIVE, JUDGED, judged, LIVE, false, null, null),
						tier("Giải phụ kịch bản và diễn xuất hay nhất", 1, 0, COLLECTIVE, JUDGED, judged, LIVE, true, null,
								null),
						tier("Diễn viên xuất sắc nhất", 1, 0, INDIVIDUAL, JUDGED, judged, LIVE, true, GIAY_KHEN, null),
						tier("Thí sinh giới thiệu, hùng biện hay nhất", 1, 0, INDIVIDUAL, JUDGED, judged, LIVE, true,
								GIAY_KHEN, null),
						tier("Thí sinh trả lời câu hỏi hay nhất", 1, 0, INDIVIDUAL, JUDGED, judged, LIVE, true, GIAY_KHEN,
								null)),
				new CollectiveScoring("Mặc định: tổng điểm ba phần thi do Ban Giám khảo chấm.", Map.of("judged", 1.0)));
	}

	/** Plan 004: Trung Lương ward written initiatives 2024. */
	static ContestTemplate trungLuong2024() {
		return new ContestTemplate("trung-luong-2024",
				"Cuộc thi viết “Sáng kiến, giải pháp cải cách hành chính phường Trung Lương năm 2024”",
				"UBND phường Trung Lương", "2024", ContestTemplate.DEFAULT_TIME_ZONE,
				"Tập thể và cá nhân gửi sáng kiến, giải pháp CCHC; Ban Giám khảo chấm theo 5 tiêu chí.",
				List.of(new RoundTemplate("idea", "idea", "Bài viết sáng kiến, giải pháp", null, null, null, List.of(),
						List.of("Tính mới", "Tính hữu ích", "Tính thiết thực", "Tính sáng tạo", "Khả năng nhân rộng"),
						List.of())),
				new Eligibility(List.of("civil-servant", "citizen"), "Tổ chức, cá nhân trên địa bàn phường Trung Lương",
						List.of("Sáng kiến trùng với sáng kiến đã được áp dụng")),
				null, List.of(tier("Sáng kiến, giải pháp đạt giải", 0, 0, INDIVIDUAL, JUDGED, "điểm Ban Giám khảo",
						"idea", false, "Giấy chứng nhận", "UBND phường Trung Lương")),
				null);
	}

	/** Plan 002: Đắk R'Lấp district emulation movement 2022–2025. */
	static ContestTemplate dakRlap2022() {
		String criteria = "tiêu chí a–h";
		String emulation = "emulation";
		return new ContestTemplate("dak-rlap-2022-2025",
				"Phong trào thi đua “Đẩy mạnh công tác cải cách hành chính trên địa bàn huyện Đắk R'Lấp giai đoạn 2022 - 2025”",
				"UBND huyện Đắk R'Lấp", "2022-2025", ContestTemplate.DEFAULT_TIME_ZONE,
				"Đánh giá hằng năm theo tiêu chí a–h; sơ kết Quý IV/2023, tổng kết Quý IV/2025.",
				List.of(new RoundTemplate(emulation, emulation, "Phong trào thi đua cải cách hành chính", null,
						local(2026, 1, 1, 0, 0), null, List.of(),
						List.of("a", "b", "c", "d", "e", "f", "g", "h"), List.of("Sơ kết Quý IV/2023", "Tổng kết Quý IV/2025"))),
				new Eligibility(List.of("civil-servant"), "Cơ quan, đơn vị, địa phương trên địa bàn huyện Đắk R'Lấp",
						List.of()),
				null,
				List.of(tier("Bằng khen của Thủ tướng Chính phủ", 0, 0, COLLECTIVE, JUDGED, criteria, emulation, false,
						"Bằng khen", "Thủ tướng Chính phủ"),
						tier("Bằng khen của Chủ tịch UBND tỉnh", 0, 0, COLLECTIVE, JUDGED, criteria, emulation, false,
								"Bằng khen", "Chủ tịch UBND tỉnh"),
						tier("Giấy khen của Chủ tịch UBND huyện", 0, 0, COLLECTIVE, JUDGED, criteria, emulation, false,
								GIAY_KHEN, "Chủ tịch UBND huyện"),
						tier("Giấy khen của Thủ trưởng cơ quan, đơn vị", 0, 0, COLLECTIVE, JUDGED, criteria, emulation,
								false, GIAY_KHEN, "Thủ trưởng các cơ quan, đơn vị, địa phương")),
				null);
	}

}
