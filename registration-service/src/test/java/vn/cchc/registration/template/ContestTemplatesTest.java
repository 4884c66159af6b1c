package vn.cchc.registration.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.cchc.contracts.ContestEvent.PrizeTier;
import vn.cchc.contracts.ContestEvent.StagePart;
import vn.cchc.contracts.ContestEvent.TeamLimits;

/** Expected values are copied from the plans' text (local time +07:00), not from the templates. */
class ContestTemplatesTest {

	@Test
	void fiveTemplatesWithDistinctCodes() {
		assertThat(ContestTemplates.all()).extracting(ContestTemplate::code)
			.containsExactly("bong-son-2024", "soc-trang-2021", "kon-ray-2023", "trung-luong-2024",
					"dak-rlap-2022-2025");
		assertThat(ContestTemplates.find("khong-co")).isEmpty();
	}

	@Test
	void bongSon2024() {
		ContestTemplate t = ContestTemplates.find("bong-son-2024").orElseThrow();
		assertThat(t.timeZone()).isEqualTo("Asia/Ho_Chi_Minh");
		assertThat(t.rounds()).singleElement().satisfies(r -> {
			assertThat(r.kind()).isEqualTo("quiz");
			assertThat(r.opensAt()).isEqualTo(Instant.parse("2024-07-01T00:00:00Z"));
			assertThat(r.closesAt()).isEqualTo(Instant.parse("2024-07-21T10:00:00Z"));
		});
		assertThat(t.eligibility().categories()).containsExactly("civil-servant", "citizen");
		assertThat(t.eligibility().exclusions()).containsExactly("Thành viên Ban Tổ chức cuộc thi");
		assertThat(t.prizes()).extracting(PrizeTier::count, PrizeTier::amountVnd, PrizeTier::scope, PrizeTier::awardForm)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 600_000L, "individual", "Giấy khen"),
					org.assertj.core.groups.Tuple.tuple(1, 500_000L, "individual", "Giấy khen"),
					org.assertj.core.groups.Tuple.tuple(1, 400_000L, "individual", "Giấy khen"),
					org.assertj.core.groups.Tuple.tuple(3, 300_000L, "individual", "Giấy khen"),
					org.assertj.core.groups.Tuple.tuple(1, 700_000L, "collective", "Giấy khen"),
					org.assertj.core.groups.Tuple.tuple(1, 700_000L, "collective", "Giấy khen"));
		// "02 tập thể ... (most participants, most participants with correct answers)": one prize each.
		assertThat(t.prizes()).filteredOn(p -> p.scope().equals("collective"))
			.extracting(PrizeTier::ranking)
			.containsExactly("participants", "all-correct");
		assertThat(t.prizes()).filteredOn(p -> p.scope().equals("individual"))
			.extracting(PrizeTier::ranking)
			.containsOnly("score");
	}

	@Test
	void socTrang2021() {
		ContestTemplate t = ContestTemplates.find("soc-trang-2021").orElseThrow();
		assertThat(t.rounds()).extracting(r -> r.kind()).containsExactly("quiz", "video");
		assertThat(t.rounds()).allSatisfy(r -> {
			assertThat(r.opensAt()).isEqualTo(Instant.parse("2021-09-15T00:00:00Z"));
			// 24:00 on 15/10/2021 local is 00:00 on 16/10 local.
			assertThat(r.closesAt()).isEqualTo(Instant.parse("2021-10-15T17:00:00Z"));
		});
		assertThat(t.rounds().getFirst().quiz().questionCount()).isEqualTo(10);
		assertThat(t.prizes()).extracting(PrizeTier::count, PrizeTier::amountVnd, PrizeTier::scope, PrizeTier::side)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 10_000_000L, "collective", false),
					org.assertj.core.groups.Tuple.tuple(2, 7_000_000L, "collective", false),
					org.assertj.core.groups.Tuple.tuple(3, 5_000_000L, "collective", false),
					org.assertj.core.groups.Tuple.tuple(4, 3_000_000L, "collective", false),
					org.assertj.core.groups.Tuple.tuple(10, 500_000L, "collective", true),
					org.assertj.core.groups.Tuple.tuple(10, 500_000L, "individual", true));
		assertThat(t.prizes().getFirst().awardForm()).isEqualTo("Bằng khen");
		assertThat(t.prizes().getFirst().issuer()).isEqualTo("Chủ tịch UBND tỉnh Sóc Trăng");
		// The plan combines quiz results and the judged video without a formula: the default is documented.
		assertThat(t.collectiveScoring().weights()).containsOnlyKeys("mean-score", "judged");
		assertThat(t.prizes()).filteredOn(PrizeTier::side)
			.extracting(PrizeTier::ranking, PrizeTier::roundId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("judged", "video"),
					org.assertj.core.groups.Tuple.tuple("score", "quiz"));
	}

	@Test
	void konRay2023() {
		ContestTemplate t = ContestTemplates.find("kon-ray-2023").orElseThrow();
		assertThat(t.team()).isEqualTo(new TeamLimits(true, 12, 4));
		assertThat(t.rounds()).singleElement().satisfies(r -> {
			assertThat(r.kind()).isEqualTo("live");
			assertThat(r.parts()).extracting(StagePart::limitSeconds, StagePart::conferSeconds)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(180, 0),
						org.assertj.core.groups.Tuple.tuple(1200, 0), org.assertj.core.groups.Tuple.tuple(180, 120));
		});
		assertThat(t.prizes()).filteredOn(p -> p.scope().equals("collective") && !p.side())
			.extracting(PrizeTier::count)
			.containsExactly(1, 1, 2, 3);
		assertThat(t.prizes()).filteredOn(p -> p.scope().equals("collective") && p.side()).hasSize(1);
		assertThat(t.prizes()).filteredOn(p -> p.scope().equals("individual")).hasSize(3);
	}

	@Test
	void trungLuong2024() {
		ContestTemplate t = ContestTemplates.find("trung-luong-2024").orElseThrow();
		assertThat(t.rounds()).singleElement().satisfies(r -> {
			assertThat(r.kind()).isEqualTo("idea");
			assertThat(r.criteria()).hasSize(5);
		});
		assertThat(t.eligibility().exclusions()).hasSize(1);
	}

	@Test
	void dakRlap2022To2025() {
		ContestTemplate t = ContestTemplates.find("dak-rlap-2022-2025").orElseThrow();
		assertThat(t.rounds()).singleElement().satisfies(r -> {
			assertThat(r.kind()).isEqualTo("emulation");
			assertThat(r.criteria()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
			assertThat(r.reviews()).containsExactly("Sơ kết Quý IV/2023", "Tổng kết Quý IV/2025");
		});
		assertThat(t.prizes()).extracting(PrizeTier::awardForm)
			.containsExactly("Bằng khen", "Bằng khen", "Giấy khen", "Giấy khen");
	}

}
