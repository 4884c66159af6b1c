package vn.cchc.registration.template;

import static vn.cchc.registration.template.ContestTemplate.local;

import java.util.List;
import java.util.Optional;

import vn.cchc.registration.template.ContestTemplate.Eligibility;
import vn.cchc.registration.template.ContestTemplate.PrizeTier;
import vn.cchc.registration.template.ContestTemplate.QuizDefaults;
import vn.cchc.registration.template.ContestTemplate.RoundTemplate;
import vn.cchc.registration.template.ContestTemplate.StagePart;
import vn.cchc.registration.template.ContestTemplate.TeamLimits;

/**
 * The five plans of the seeds as templates. Every number comes from the plan's text; where a plan
 * leaves something open (a date "to be announced", the collective scoring formula) the template
 * says so and documents its default.
 */
public final class ContestTemplates {

	private static final String INDIVIDUAL = "individual";

	private static final String COLLECTIVE = "collective";

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

	private static RoundTemplate quiz(String title, java.time.Instant opens, java.time.Instant closes,
			QuizDefaults quiz) {
		return new RoundTemplate("quiz", "quiz", title, opens, closes, quiz, List.of(), List.of(), List.of());
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
				List.of(new PrizeTier("Giải nhất", 1, 600_000, INDIVIDUAL, individualRank, false, "Giấy khen", issuer),
						new PrizeTier("Giải nhì", 1, 500_000, INDIVIDUAL, individualRank, false, "Giấy khen", issuer),
						new PrizeTier("Giải ba", 1, 400_000, INDIVIDUAL, individualRank, false, "Giấy khen", issuer),
						new PrizeTier("Giải khuyến khích", 3, 300_000, INDIVIDUAL, individualRank, false, "Giấy khen",
								issuer),
						new PrizeTier("Giải tập thể", 2, 700_000, COLLECTIVE,
								"đơn vị có nhiều người dự thi nhất; đơn vị có nhiều người trả lời đúng nhất", false,
								"Giấy khen", issuer)),
				"Mặc định: một giải cho đơn vị có nhiều người dự thi nhất, một giải cho đơn vị có nhiều người trả lời đúng nhất.");
	}

	/** Plan 001: Sóc Trăng province online contest 2021. */
	static ContestTemplate socTrang2021() {
		String collectiveRank = "Mặc định: điểm bình quân trắc nghiệm của công chức đơn vị cộng điểm video do Ban Giám khảo chấm";
		return new ContestTemplate("soc-trang-2021", "Hội thi trực tuyến Cải cách hành chính tỉnh Sóc Trăng năm 2021",
				"Sở Nội vụ tỉnh Sóc Trăng", "2021", ContestTemplate.DEFAULT_TIME_ZONE,
				"46 đơn vị; thi trắc nghiệm 10 câu và dựng video tuyên truyền từ 07:00 15/9/2021 đến 24:00 15/10/2021.",
				List.of(quiz("Thi tìm hiểu kiến thức cải cách hành chính", local(2021, 9, 15, 7, 0),
						local(2021, 10, 16, 0, 0), new QuizDefaults(10, 1800, 1, "first")),
						new RoundTemplate("video", "video", "Dựng video tuyên truyền cải cách hành chính",
								local(2021, 9, 15, 7, 0), local(2021, 10, 16, 0, 0), null, List.of(), List.of(),
								List.of())),
				new Eligibility(List.of("civil-servant"), "Công chức, viên chức các đơn vị tham gia", List.of()),
				new TeamLimits(true, 0, 0),
				List.of(new PrizeTier("Giải nhất", 1, 10_000_000, COLLECTIVE, collectiveRank, false, "Bằng khen",
						"Chủ tịch UBND tỉnh Sóc Trăng"),
						new PrizeTier("Giải nhì", 2, 7_000_000, COLLECTIVE, collectiveRank, false, null, null),
						new PrizeTier("Giải ba", 3, 5_000_000, COLLECTIVE, collectiveRank, false, null, null),
						new PrizeTier("Giải khuyến khích", 4, 3_000_000, COLLECTIVE, collectiveRank, false, null, null),
						new PrizeTier("Giải phụ video hay nhất", 10, 500_000, COLLECTIVE, "video hay nhất", true, null,
								null),
						new PrizeTier("Giải phụ cá nhân", 10, 500_000, INDIVIDUAL,
								"trả lời đúng nhiều nhất và nhanh nhất", true, null, null)),
				collectiveRank);
	}

	/** Plan 000: Kon Rẫy district live contest 2023. */
	static ContestTemplate konRay2023() {
		String judged = "điểm Ban Giám khảo";
		return new ContestTemplate("kon-ray-2023", "Hội thi Cải cách hành chính huyện Kon Rẫy năm 2023",
				"UBND huyện Kon Rẫy", "2023", ContestTemplate.DEFAULT_TIME_ZONE,
				"Mỗi xã, thị trấn một đội (tối đa 12 thành viên, mời thêm 4 người); thi trực tiếp 3 phần.",
				List.of(new RoundTemplate("live", "live", "Hội thi trực tiếp", null, null, null,
						List.of(new StagePart("Giới thiệu về đội", 180, 0), new StagePart("Trình diễn tiểu phẩm", 1200, 0),
								new StagePart("Trả lời câu hỏi", 180, 120)),
						List.of(), List.of())),
				new Eligibility(List.of("civil-servant"), "Xã, thị trấn trên địa bàn huyện Kon Rẫy", List.of()),
				new TeamLimits(true, 12, 4),
				List.of(new PrizeTier("Giải nhất", 1, 0, COLLECTIVE, judged, false, null, null),
						new PrizeTier("Giải nhì", 1, 0, COLLECTIVE, judged, false, null, null),
						new PrizeTier("Giải ba", 2, 0, COLLECTIVE, judged, false, null, null),
						new PrizeTier("Giải khuyến khích", 3, 0, COLLECTIVE, judged, false, null, null),
						new PrizeTier("Giải phụ kịch bản và diễn xuất hay nhất", 1, 0, COLLECTIVE, judged, true, null,
								null),
						new PrizeTier("Diễn viên xuất sắc nhất", 1, 0, INDIVIDUAL, judged, true, "Giấy khen", null),
						new PrizeTier("Thí sinh giới thiệu, hùng biện hay nhất", 1, 0, INDIVIDUAL, judged, true,
								"Giấy khen", null),
						new PrizeTier("Thí sinh trả lời câu hỏi hay nhất", 1, 0, INDIVIDUAL, judged, true, "Giấy khen",
								null)),
				"Mặc định: tổng điểm ba phần thi do Ban Giám khảo chấm.");
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
				null, List.of(new PrizeTier("Sáng kiến, giải pháp đạt giải", 0, 0, INDIVIDUAL, "điểm Ban Giám khảo",
						false, "Giấy chứng nhận", "UBND phường Trung Lương")),
				null);
	}

	/** Plan 002: Đắk R'Lấp district emulation movement 2022–2025. */
	static ContestTemplate dakRlap2022() {
		return new ContestTemplate("dak-rlap-2022-2025",
				"Phong trào thi đua “Đẩy mạnh công tác cải cách hành chính trên địa bàn huyện Đắk R'Lấp giai đoạn 2022 - 2025”",
				"UBND huyện Đắk R'Lấp", "2022-2025", ContestTemplate.DEFAULT_TIME_ZONE,
				"Đánh giá hằng năm theo tiêu chí a–h; sơ kết Quý IV/2023, tổng kết Quý IV/2025.",
				List.of(new RoundTemplate("emulation", "emulation", "Phong trào thi đua cải cách hành chính", null,
						local(2026, 1, 1, 0, 0), null, List.of(),
						List.of("a", "b", "c", "d", "e", "f", "g", "h"), List.of("Sơ kết Quý IV/2023", "Tổng kết Quý IV/2025"))),
				new Eligibility(List.of("civil-servant"), "Cơ quan, đơn vị, địa phương trên địa bàn huyện Đắk R'Lấp",
						List.of()),
				null,
				List.of(new PrizeTier("Bằng khen của Thủ tướng Chính phủ", 0, 0, COLLECTIVE, "tiêu chí a–h", false,
						"Bằng khen", "Thủ tướng Chính phủ"),
						new PrizeTier("Bằng khen của Chủ tịch UBND tỉnh", 0, 0, COLLECTIVE, "tiêu chí a–h", false,
								"Bằng khen", "Chủ tịch UBND tỉnh"),
						new PrizeTier("Giấy khen của Chủ tịch UBND huyện", 0, 0, COLLECTIVE, "tiêu chí a–h", false,
								"Giấy khen", "Chủ tịch UBND huyện"),
						new PrizeTier("Giấy khen của Thủ trưởng cơ quan, đơn vị", 0, 0, COLLECTIVE, "tiêu chí a–h",
								false, "Giấy khen", "Thủ trưởng các cơ quan, đơn vị, địa phương")),
				null);
	}

}
