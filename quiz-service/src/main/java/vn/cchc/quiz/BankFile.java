package vn.cchc.quiz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.cchc.platform.web.ApiException;
import vn.cchc.quiz.QuestionBank.Option;
import vn.cchc.quiz.QuestionBank.Question;

/**
 * Reads a question bank file, CSV (UTF-8) or XLSX (first sheet), with the columns
 * {@code code,topic,text,option_a..option_d,correct} and the optional {@code difficulty}. Every
 * row is checked; any error refuses the whole file and lists each faulty row by its number as the
 * organiser sees it in a spreadsheet (the header is row 1).
 */
final class BankFile {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final List<String> OPTION_COLUMNS = List.of("option_a", "option_b", "option_c", "option_d",
			"option_e", "option_f");

	private static final List<String> REQUIRED = List.of("code", "text", "option_a", "option_b", "correct");

	private static final Set<String> DIFFICULTIES = Set.of("de", "trung-binh", "kho", "easy", "medium", "hard", "1",
			"2", "3");

	private BankFile() {
	}

	/** A refused row: its number in the file (header = 1) and what is wrong, in Vietnamese. */
	record RowError(long row, String message) {
	}

	static List<Question> csv(String csv) {
		String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		List<Map<String, String>> rows = new ArrayList<>();
		List<String> header;
		CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).get();
		try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
			List<CSVRecord> records = parser.getRecords();
			if (records.isEmpty()) {
				throw refused(List.of(new RowError(1, "tệp trống, thiếu dòng tiêu đề")));
			}
			header = records.get(0).toList();
			for (CSVRecord record : records.subList(1, records.size())) {
				rows.add(row(header, record.toList()));
			}
		}
		catch (IOException | IllegalArgumentException | IllegalStateException ex) {
			throw ApiException.badRequest("bank.csv.malformed", "Tệp CSV không đọc được: " + ex.getMessage());
		}
		return questions(header, rows);
	}

	static List<Question> xlsx(byte[] bytes) {
		List<List<String>> cells = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			DataFormatter formatter = new DataFormatter(Locale.ROOT);
			Sheet sheet = workbook.getSheetAt(0);
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> values = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
						Cell cell = row.getCell(c);
						values.add(cell == null ? ""
								: Normalizer.normalize(formatter.formatCellValue(cell), Normalizer.Form.NFC).strip());
					}
				}
				cells.add(values);
			}
		}
		catch (IOException | RuntimeException ex) {
			throw ApiException.badRequest("bank.xlsx.malformed",
					"Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc sai định dạng.");
		}
		if (cells.isEmpty()) {
			throw refused(List.of(new RowError(1, "tệp trống, thiếu dòng tiêu đề")));
		}
		List<String> header = cells.get(0);
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> values : cells.subList(1, cells.size())) {
			rows.add(row(header, values));
		}
		return questions(header, rows);
	}

	private static Map<String, String> row(List<String> header, List<String> values) {
		Map<String, String> row = new LinkedHashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String column = header.get(i).strip().toLowerCase(Locale.ROOT).replace('\uFEFF', ' ').strip();
			row.put(column, i < values.size() ? values.get(i).strip() : "");
		}
		return row;
	}

	private static List<Question> questions(List<String> header, List<Map<String, String>> rows) {
		Set<String> columns = new HashSet<>();
		for (String h : header) {
			columns.add(h.strip().toLowerCase(Locale.ROOT));
		}
		for (String column : REQUIRED) {
			if (!columns.contains(column)) {
				throw ApiException.badRequest("bank.csv.header", "Tệp thiếu cột «" + column
						+ "». Cột cần có: code,topic,text,option_a,option_b,option_c,option_d,correct (difficulty không bắt buộc).")
					.withProperty("errors", List.of(new RowError(1, "thiếu cột «" + column + "»")));
			}
		}
		List<RowError> errors = new ArrayList<>();
		List<Question> questions = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < rows.size(); i++) {
			Map<String, String> row = rows.get(i);
			long line = i + 2;
			if (row.values().stream().allMatch(String::isEmpty)) {
				continue;
			}
			String id = row.getOrDefault("code", "");
			List<Option> options = new ArrayList<>();
			for (int o = 0; o < OPTION_COLUMNS.size(); o++) {
				String option = row.getOrDefault(OPTION_COLUMNS.get(o), "");
				if (!option.isEmpty()) {
					options.add(new Option(String.valueOf((char) ('A' + o)), option));
				}
			}
			String correct = row.getOrDefault("correct", "").toUpperCase(Locale.ROOT);
			String difficulty = row.getOrDefault("difficulty", "").toLowerCase(Locale.ROOT);
			if (!id.matches("[A-Za-z0-9_-]{1,40}")) {
				errors.add(new RowError(line, "mã câu hỏi trống hoặc có ký tự không hợp lệ"));
			}
			else if (!ids.add(id)) {
				errors.add(new RowError(line, "mã câu hỏi «" + id + "» bị trùng"));
			}
			if (row.getOrDefault("text", "").isEmpty()) {
				errors.add(new RowError(line, "nội dung câu hỏi trống"));
			}
			if (options.size() < 2) {
				errors.add(new RowError(line, "cần ít nhất hai phương án trả lời"));
			}
			if (options.stream().noneMatch(o -> o.key().equals(correct))) {
				errors.add(new RowError(line, "đáp án đúng «" + correct + "» không khớp phương án nào"));
			}
			if (!difficulty.isEmpty() && !DIFFICULTIES.contains(difficulty)) {
				errors.add(new RowError(line, "độ khó «" + difficulty + "» không hợp lệ (de, trung-binh, kho hoặc 1, 2, 3)"));
			}
			questions.add(new Question(id, row.getOrDefault("topic", ""), row.getOrDefault("text", ""),
					List.copyOf(options), correct, difficulty.isEmpty() ? null : difficulty));
		}
		if (questions.isEmpty() && errors.isEmpty()) {
			errors.add(new RowError(1, "tệp không có câu hỏi nào"));
		}
		if (!errors.isEmpty()) {
			throw refused(errors);
		}
		return questions;
	}

	private static ApiException refused(List<RowError> errors) {
		List<String> lines = errors.stream().limit(20).map(e -> "dòng " + e.row() + ": " + e.message()).toList();
		return ApiException
			.badRequest("bank.csv.invalid", "Ngân hàng câu hỏi không được nhập vì có lỗi: " + String.join("; ", lines)
					+ (errors.size() > 20 ? "; … (" + errors.size() + " lỗi)" : "") + ".")
			.withProperty("errors", errors.stream().limit(500).toList());
	}

}
