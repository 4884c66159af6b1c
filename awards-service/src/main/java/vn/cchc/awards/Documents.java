package vn.cchc.awards;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import vn.cchc.awards.ContestResults.Computed;
import vn.cchc.awards.OfficialResults.Decision;
import vn.cchc.awards.ranking.Award;
import vn.cchc.awards.ranking.Board;
import vn.cchc.awards.ranking.UnitScore;

/**
 * The documents a Home Affairs office files: certificates (Giấy khen, A4 landscape), the award
 * decision with its annex, results as XLSX and the PAR Index points per unit as CSV. PDFs embed
 * DejaVu Sans (a subset; the Serif cut lacks many Vietnamese letters), so Vietnamese text shows and extracts with its diacritics anywhere.
 */
final class Documents {

	private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

	private Documents() {
	}

	static String recipient(Award award) {
		return Objects.requireNonNullElse(award.winnerName(), award.winnerId());
	}

	static byte[] certificate(String contestTitle, Award award, @Nullable String unitName, Decision decision) {
		try (PDDocument doc = new PDDocument()) {
			PDFont regular = font(doc, "DejaVuSans.ttf");
			PDFont bold = font(doc, "DejaVuSans-Bold.ttf");
			PDFont italic = font(doc, "DejaVuSans-Oblique.ttf");
			PDRectangle a4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
			PDPage page = new PDPage(a4);
			doc.addPage(page);
			info(doc, "Giấy khen — " + recipient(award));
			float w = a4.getWidth();
			float h = a4.getHeight();
			String issuer = Objects.requireNonNullElse(award.issuer(), decision.issuer()).toUpperCase(Formats.VI);
			try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
				s.setLineWidth(3);
				s.addRect(24, 24, w - 48, h - 48);
				s.stroke();
				s.setLineWidth(1);
				s.addRect(32, 32, w - 64, h - 64);
				s.stroke();
				text(s, bold, 12, w * 0.25f, h - 70, issuer);
				text(s, bold, 12, w * 0.7f, h - 70, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
				text(s, bold, 12, w * 0.7f, h - 86, "Độc lập - Tự do - Hạnh phúc");
				String form = Objects.requireNonNullElse(award.awardForm(), "Giấy khen").toUpperCase(Formats.VI);
				text(s, bold, 40, w / 2, h - 160, form);
				text(s, regular, 16, w / 2, h - 200, "Tặng");
				text(s, bold, 26, w / 2, h - 240, recipient(award));
				float y = h - 270;
				if (unitName != null && "individual".equals(award.scope())) {
					text(s, regular, 15, w / 2, y, "Đơn vị: " + unitName);
					y -= 26;
				}
				String prize = award.tierName() + (award.group() == null ? "" : " (" + award.group() + ")");
				text(s, regular, 15, w / 2, y, "Đã đạt " + prize);
				y -= 24;
				for (String line : wrap(regular, 15, "trong " + contestTitle, w - 200)) {
					text(s, regular, 15, w / 2, y, line);
					y -= 22;
				}
				text(s, italic, 13, w / 2, y - 6, "(Kèm theo Quyết định số " + decision.number() + " "
						+ Formats.documentDate(decision.date()) + ")");
				String placeDate = (decision.place() == null ? "" : decision.place() + ", ")
						+ Formats.documentDate(decision.date());
				text(s, italic, 13, w * 0.7f, 150, placeDate);
				text(s, bold, 13, w * 0.7f, 130, decision.signerTitle().toUpperCase(Formats.VI));
				text(s, bold, 14, w * 0.7f, 60, decision.signer());
			}
			return save(doc);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] decision(String contestTitle, List<Award> awards, Decision decision, int version,
			@Nullable String reason, Map<String, String> unitNames) {
		try (PDDocument doc = new PDDocument()) {
			PDFont regular = font(doc, "DejaVuSans.ttf");
			PDFont bold = font(doc, "DejaVuSans-Bold.ttf");
			PDFont italic = font(doc, "DejaVuSans-Oblique.ttf");
			info(doc, "Quyết định số " + decision.number());
			Pages pages = new Pages(doc);
			float w = PDRectangle.A4.getWidth();
			PDPageContentStream s = pages.stream();
			text(s, bold, 11, w * 0.27f, pages.y, decision.issuer().toUpperCase(Formats.VI));
			text(s, bold, 11, w * 0.7f, pages.y, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
			pages.y -= 15;
			text(s, regular, 11, w * 0.27f, pages.y, "Số: " + decision.number());
			text(s, bold, 11, w * 0.7f, pages.y, "Độc lập - Tự do - Hạnh phúc");
			pages.y -= 20;
			text(s, italic, 11, w * 0.7f, pages.y,
					(decision.place() == null ? "" : decision.place() + ", ") + Formats.documentDate(decision.date()));
			pages.y -= 40;
			text(s, bold, 15, w / 2, pages.y, "QUYẾT ĐỊNH");
			pages.y -= 20;
			for (String line : wrap(bold, 12, "Về việc khen thưởng " + contestTitle, w - 140)) {
				text(s, bold, 12, w / 2, pages.y, line);
				pages.y -= 16;
			}
			if (version > 1) {
				text(s, italic, 11, w / 2, pages.y, "(Đính chính, phiên bản " + version
						+ (reason == null ? "" : ": " + reason) + ")");
				pages.y -= 16;
			}
			pages.y -= 14;
			long total = awards.stream().mapToLong(Award::amountVnd).sum();
			List<String> articles = List.of(
					"Điều 1. Khen thưởng " + awards.size() + " tập thể, cá nhân đạt giải trong " + contestTitle
							+ " (có danh sách kèm theo).",
					"Điều 2. Tổng số tiền thưởng: " + Formats.vnd(total) + ".",
					"Điều 3. Các cơ quan, đơn vị và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.");
			for (String article : articles) {
				for (String line : wrap(regular, 12, article, w - 120)) {
					pages.need(16);
					text(pages.stream(), regular, 12, 60, pages.y, line, false);
					pages.y -= 16;
				}
				pages.y -= 6;
			}
			pages.need(80);
			text(pages.stream(), bold, 12, w * 0.7f, pages.y - 10, decision.signerTitle().toUpperCase(Formats.VI));
			text(pages.stream(), bold, 12, w * 0.7f, pages.y - 70, decision.signer());
			pages.newPage();
			text(pages.stream(), bold, 13, w / 2, pages.y, "DANH SÁCH KHEN THƯỞNG");
			pages.y -= 16;
			text(pages.stream(), italic, 11, w / 2, pages.y, "(Kèm theo Quyết định số " + decision.number() + " "
					+ Formats.documentDate(decision.date()) + ")");
			pages.y -= 26;
			float[] cols = { 50, 80, 290, 440 };
			String[] head = { "STT", "Tập thể / cá nhân", "Giải", "Số tiền" };
			for (int i = 0; i < head.length; i++) {
				text(pages.stream(), bold, 11, cols[i], pages.y, head[i], false);
			}
			pages.y -= 16;
			int n = 1;
			for (Award a : awards) {
				pages.need(30);
				String who = recipient(a);
				String unit = a.unitCode() == null || !"individual".equals(a.scope()) ? null
						: unitNames.getOrDefault(a.unitCode(), a.unitCode());
				text(pages.stream(), regular, 10, cols[0], pages.y, String.valueOf(n++), false);
				text(pages.stream(), regular, 10, cols[1], pages.y, clip(regular, 10, who, 200), false);
				text(pages.stream(), regular, 10, cols[2], pages.y,
						clip(regular, 10, a.tierName() + (a.group() == null ? "" : " (" + a.group() + ")"), 145), false);
				text(pages.stream(), regular, 10, cols[3], pages.y, Formats.vnd(a.amountVnd()), false);
				if (unit != null) {
					pages.y -= 12;
					text(pages.stream(), italic, 9, cols[1], pages.y, clip(italic, 9, unit, 200), false);
				}
				pages.y -= 16;
			}
			pages.close();
			return save(doc);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] workbook(Computed c, List<Award> awards) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet people = book.createSheet("Cá nhân");
			row(people, 0, "Vòng thi", "Bảng", "Hạng", "Họ và tên", "Mã đơn vị", "Số câu đúng", "Số câu",
					"Thời gian (giây)", "Dự đoán", "Lệch dự đoán", "Nộp bài lúc", "Mã lượt thi", "Mã sự kiện");
			int r = 1;
			for (var round : c.rounds()) {
				for (Board board : c.boards().getOrDefault(round.roundId(), List.of())) {
					for (Board.Ranked row : board.rows()) {
						var s = row.result();
						row(people, r++, round.title(), ContestResults.label(board), row.rank(), s.displayName(),
								s.unitCode(), s.correct(), s.questions(), s.durationMillis() / 1000.0, s.prediction(),
								row.predictionGap(), s.submittedAt().toString(), s.attemptId(), s.eventId());
					}
				}
			}
			Sheet units = book.createSheet("Đơn vị");
			row(units, 0, "Mã đơn vị", "Tên đơn vị", "Khối", "Biên chế", "Số người dự thi",
					"Số người đúng tất cả", "Tỷ lệ tham gia (%)", "Điểm trung bình (%)", "Điểm tổng hợp");
			r = 1;
			for (UnitScore u : ContestResults.unitScores(c).values().stream()
				.sorted(java.util.Comparator.comparing(u -> u.unit().unitCode()))
				.toList()) {
				row(units, r++, u.unit().unitCode(), u.unit().name(), u.unit().block(), u.unit().headcount(),
						u.participants(), u.allCorrect(), u.participationRate(), u.meanScore(), u.formula());
			}
			Sheet prizes = book.createSheet("Giải thưởng");
			row(prizes, 0, "Giải", "Nhóm", "Phạm vi", "Người/đơn vị đạt giải", "Mã", "Đơn vị", "Hạng", "Căn cứ",
					"Số tiền (đồng)", "Mã lượt thi", "Mã sự kiện");
			r = 1;
			for (Award a : awards) {
				row(prizes, r++, a.tierName(), a.group(), "individual".equals(a.scope()) ? "Cá nhân" : "Tập thể",
						recipient(a), a.winnerId(), a.unitCode(), a.rank(), a.basis(), a.amountVnd(), a.attemptId(),
						a.eventId());
			}
			for (Sheet sheet : List.of(people, units, prizes)) {
				sheet.createFreezePane(0, 1);
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Units with their participation and the collective prizes that earn PAR Index points. */
	static byte[] parIndex(Computed c, List<Award> awards, AwardsProperties properties) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append("ma_don_vi,ten_don_vi,khoi,bien_che,so_nguoi_du_thi,ty_le_tham_gia,giai_dat_duoc,diem_cong\r\n");
		Map<String, UnitScore> scores = ContestResults.unitScores(c);
		for (var unit : c.units().stream().sorted(java.util.Comparator.comparing(ReadModels.UnitInfo::unitCode)).toList()) {
			List<Award> won = awards.stream()
				.filter(a -> !"individual".equals(a.scope()) && unit.unitCode().equals(a.winnerId()))
				.toList();
			double points = won.stream().mapToDouble(a -> a.side() ? properties.parPointsSide() : properties.parPointsMain()).sum();
			UnitScore s = scores.get(unit.unitCode());
			csv.append(String.join(",", csvCell(unit.unitCode()), csvCell(unit.name()), csvCell(unit.block()),
					String.valueOf(unit.headcount()), String.valueOf(s == null ? 0 : s.participants()),
					s == null || s.participationRate() == null ? "" : String.valueOf(s.participationRate()),
					csvCell(String.join("; ", won.stream().map(Award::tierName).toList())), String.valueOf(points)))
				.append("\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	static String csvCell(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (text.startsWith("=") || text.startsWith("+") || text.startsWith("-") || text.startsWith("@")) {
			text = "'" + text;
		}
		return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("'")
				? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

	private static void row(Sheet sheet, int index, @Nullable Object... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			Object v = values[i];
			if (v instanceof Number number) {
				row.createCell(i).setCellValue(number.doubleValue());
			}
			else if (v != null) {
				row.createCell(i).setCellValue(v.toString());
			}
		}
	}

	private static PDFont font(PDDocument doc, String name) throws IOException {
		try (InputStream in = Documents.class.getResourceAsStream(FONTS + name)) {
			return PDType0Font.load(doc, Objects.requireNonNull(in, name), true);
		}
	}

	private static void info(PDDocument doc, String title) {
		PDDocumentInformation info = doc.getDocumentInformation();
		info.setTitle(title);
		info.setProducer("CCHC awards-service");
	}

	private static void text(PDPageContentStream s, PDFont font, float size, float x, float y, String text)
			throws IOException {
		text(s, font, size, x, y, text, true);
	}

	private static void text(PDPageContentStream s, PDFont font, float size, float x, float y, String text,
			boolean centred) throws IOException {
		float width = font.getStringWidth(text) / 1000 * size;
		s.beginText();
		s.setFont(font, size);
		s.newLineAtOffset(centred ? x - width / 2 : x, y);
		s.showText(text);
		s.endText();
	}

	static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
				lines.add(line.toString());
				line = new StringBuilder(word);
			}
			else {
				line = new StringBuilder(candidate);
			}
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	private static String clip(PDFont font, float size, String text, float width) throws IOException {
		String t = text;
		while (t.length() > 3 && font.getStringWidth(t) / 1000 * size > width) {
			t = t.substring(0, t.length() - 2);
		}
		return t.equals(text) ? t : t + "…";
	}

	private static byte[] save(PDDocument doc) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		doc.save(out);
		return out.toByteArray();
	}

	/** Portrait A4 pages with a cursor that moves to a new page when the next line will not fit. */
	private static final class Pages {

		private final PDDocument doc;

		private @Nullable PDPageContentStream stream;

		float y;

		Pages(PDDocument doc) throws IOException {
			this.doc = doc;
			newPage();
		}

		PDPageContentStream stream() {
			return Objects.requireNonNull(this.stream);
		}

		void need(float height) throws IOException {
			if (this.y - height < 50) {
				newPage();
			}
		}

		void newPage() throws IOException {
			close();
			PDPage page = new PDPage(PDRectangle.A4);
			this.doc.addPage(page);
			this.stream = new PDPageContentStream(this.doc, page);
			this.y = PDRectangle.A4.getHeight() - 60;
		}

		void close() throws IOException {
			if (this.stream != null) {
				this.stream.close();
				this.stream = null;
			}
		}

	}

}
