package vn.cchc.awards;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import vn.cchc.awards.OfficialResults.Decision;
import vn.cchc.awards.ranking.Award;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentsTest {

	/** Every Vietnamese letter with every tone mark, upper and lower case, and the đồng sign. */
	static final String ALPHABET = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
			+ "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ₫";

	static final Decision DECISION = new Decision("125/QĐ-UBND", LocalDate.of(2024, 8, 5), "Nguyễn Văn Hùng",
			"Chủ tịch", "Ủy ban nhân dân phường Bồng Sơn", "Bồng Sơn");

	static Award award(String name) {
		return new Award(0, "Giải Nhất", "individual", 600_000, false, "Giấy khen", "Chủ tịch UBND phường Bồng Sơn", null,
				"p1", name, "KP1", null, 1, "20/20 câu đúng, 1 phút 40 giây", "a1", "e1");
	}

	@Test
	void a_certificate_is_a4_landscape_and_its_vietnamese_text_extracts_with_every_diacritic() throws Exception {
		String name = "Huỳnh Thị Ngọc Ẩn";
		byte[] pdf = Documents.certificate("Cuộc thi trực tuyến “Tìm hiểu về Cải cách hành chính” năm 2024 " + ALPHABET,
				award(name), "Khu phố 1", DECISION);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getNumberOfPages()).isEqualTo(1);
			assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(842f, org.assertj.core.data.Offset.offset(1f));
			assertThat(doc.getPage(0).getMediaBox().getHeight()).isEqualTo(595f, org.assertj.core.data.Offset.offset(1f));
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("GIẤY KHEN", "Tặng", name, "Đơn vị: Khu phố 1", "Đã đạt Giải Nhất",
					"Quyết định số 125/QĐ-UBND ngày 05 tháng 8 năm 2024", "Bồng Sơn, ngày 05 tháng 8 năm 2024",
					"CHỦ TỊCH UBND PHƯỜNG BỒNG SƠN", "CHỦ TỊCH", "Nguyễn Văn Hùng");
			assertThat(text.replaceAll("\\s", "")).contains(ALPHABET);
			for (var fontName : doc.getPage(0).getResources().getFontNames()) {
				PDFont font = doc.getPage(0).getResources().getFont(fontName);
				assertThat(font.isEmbedded()).as(font.getName() + " is embedded").isTrue();
			}
		}
	}

	@Test
	void the_decision_lists_every_award_in_its_annex_with_the_total() throws Exception {
		List<Award> awards = List.of(award("Lê Văn Ước"), new Award(4, "Giải tập thể có nhiều người dự thi nhất",
				"collective", 700_000, false, "Giấy khen", null, null, "KP1", "Khu phố 1", "KP1", "phuong", 1,
				"41 người dự thi", null, null));
		byte[] pdf = Documents.decision("Cuộc thi “Tìm hiểu về CCHC” năm 2024", awards, DECISION, 1, null,
				Map.of("KP1", "Khu phố 1"));
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(doc.getNumberOfPages()).isEqualTo(2);
			assertThat(text).contains("ỦY BAN NHÂN DÂN PHƯỜNG BỒNG SƠN", "Số: 125/QĐ-UBND", "QUYẾT ĐỊNH",
					"Về việc khen thưởng Cuộc thi “Tìm hiểu về CCHC” năm 2024", "Tổng số tiền thưởng: 1.300.000 đồng",
					"DANH SÁCH KHEN THƯỞNG", "Lê Văn Ước", "Khu phố 1", "700.000 đồng");
		}
	}

	@Test
	void dates_read_as_in_administrative_documents_and_public_names_are_masked() {
		assertThat(Formats.documentDate(LocalDate.of(2021, 12, 31))).isEqualTo("ngày 31 tháng 12 năm 2021");
		assertThat(Formats.mask("Nguyễn Thị Hồng Nhung")).isEqualTo("Nguyễn T. H. N****");
		assertThat(Formats.mask("Lê An")).isEqualTo("Lê A*");
		assertThat(Formats.band(100.0)).isEqualTo("full");
		assertThat(Formats.band(75.0)).isEqualTo("high");
		assertThat(Formats.band(25.0)).isEqualTo("medium");
		assertThat(Formats.band(24.9)).isEqualTo("low");
		assertThat(Documents.csvCell("=HYPERLINK(1)")).isEqualTo("\"'=HYPERLINK(1)\"");
	}

}
