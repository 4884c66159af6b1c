package vn.cchc.registration.roster;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a roster CSV: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1258
 * (whose combining diacritics are normalised to NFC). Required columns {@code code,name}; optional
 * {@code kind,parent,block} (alias {@code group}) and {@code headcount}; Vietnamese aliases accepted.
 * Every row is checked before anything is returned, so a file is accepted whole or refused whole.
 */
final class RosterFile {

	static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("code", "code"),
			Map.entry("ma", "code"), Map.entry("mã", "code"), Map.entry("ma_don_vi", "code"), Map.entry("name", "name"),
			Map.entry("ten", "name"), Map.entry("tên", "name"), Map.entry("ten_don_vi", "name"),
			Map.entry("kind", "kind"), Map.entry("loai", "kind"), Map.entry("loại", "kind"),
			Map.entry("parent", "parent"), Map.entry("don_vi_cap_tren", "parent"), Map.entry("block", "block"),
			Map.entry("group", "block"), Map.entry("khoi", "block"), Map.entry("khối", "block"),
			Map.entry("headcount", "headcount"), Map.entry("bien_che", "headcount"),
			Map.entry("biên_chế", "headcount"));

	private RosterFile() {
	}

	/** The units of a valid file, or a {@link RosterImportRefused} listing every bad row. */
	static List<RosterUnit> read(byte[] bytes) {
		return parse(decode(bytes));
	}

	static String decode(byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			text = new String(bytes, WINDOWS_1258);
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return Normalizer.normalize(text, Normalizer.Form.NFC);
	}

	static List<RosterUnit> parse(String text) {
		return parseRows(CsvRows.split(text));
	}

	/** The units of the first sheet of an XLSX workbook, checked like a CSV file. */
	static List<RosterUnit> readXlsx(byte[] bytes) {
		List<List<String>> rows = new ArrayList<>();
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(bytes))) {
			org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter(
					Locale.ROOT);
			org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
						org.apache.poi.ss.usermodel.Cell cell = row.getCell(c);
						cells.add(cell == null ? ""
								: Normalizer.normalize(formatter.formatCellValue(cell), Normalizer.Form.NFC));
					}
				}
				rows.add(cells);
			}
		}
		catch (java.io.IOException | RuntimeException ex) {
			throw new RosterImportRefused(List.of(new RowError(1, "Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc sai định dạng.")));
		}
		return parseRows(rows);
	}

	static List<RosterUnit> parseRows(List<List<String>> rows) {
		if (rows.isEmpty() || rows.get(0).stream().allMatch(String::isBlank)) {
			throw new RosterImportRefused(List.of(new RowError(1, "Tệp trống: thiếu dòng tiêu đề (code,name,…).")));
		}
		Map<String, Integer> columns = new HashMap<>();
		List<RowError> errors = new ArrayList<>();
		List<String> header = rows.get(0);
		for (int i = 0; i < header.size(); i++) {
			String key = header.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
			String column = ALIASES.get(key);
			if (column != null && columns.putIfAbsent(column, i) != null) {
				errors.add(new RowError(1, "Cột «" + header.get(i).strip() + "» bị lặp lại."));
			}
		}
		for (String required : List.of("code", "name")) {
			if (!columns.containsKey(required)) {
				errors.add(new RowError(1, "Thiếu cột bắt buộc «" + required + "»."));
			}
		}
		if (!errors.isEmpty()) {
			throw new RosterImportRefused(errors);
		}
		List<RosterUnit> units = new ArrayList<>();
		List<Integer> unitRows = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			int rowNumber = r + 1;
			if (row.stream().allMatch(String::isBlank)) {
				continue;
			}
			String code = cell(row, columns.get("code"));
			String name = cell(row, columns.get("name"));
			boolean ok = true;
			if (code.isEmpty()) {
				errors.add(new RowError(rowNumber, "Mã đơn vị đang để trống."));
				ok = false;
			}
			else if (!codes.add(code)) {
				errors.add(new RowError(rowNumber, "Mã đơn vị «" + code + "» bị trùng với một dòng phía trên."));
				ok = false;
			}
			if (name.isEmpty()) {
				errors.add(new RowError(rowNumber, "Tên đơn vị đang để trống."));
				ok = false;
			}
			UnitKind kind = null;
			String kindText = cell(row, columns.get("kind"));
			if (!kindText.isEmpty()) {
				kind = UnitKind.parse(kindText).orElse(null);
				if (kind == null) {
					errors.add(new RowError(rowNumber, "Loại đơn vị «" + kindText + "» không hợp lệ."));
					ok = false;
				}
			}
			Integer headcount = null;
			String headcountText = cell(row, columns.get("headcount"));
			if (!headcountText.isEmpty()) {
				try {
					headcount = Integer.valueOf(headcountText);
					if (headcount < 0) {
						errors.add(new RowError(rowNumber, "Biên chế «" + headcountText + "» không được là số âm."));
						ok = false;
					}
				}
				catch (NumberFormatException ex) {
					errors.add(new RowError(rowNumber, "Biên chế «" + headcountText + "» không phải là số nguyên."));
					ok = false;
				}
			}
			if (ok) {
				String parent = cell(row, columns.get("parent"));
				String block = cell(row, columns.get("block"));
				units.add(new RosterUnit(code, name, kind, parent.isEmpty() ? null : parent,
						block.isEmpty() ? null : block, headcount));
				unitRows.add(rowNumber);
			}
		}
		for (int i = 0; i < units.size(); i++) {
			RosterUnit unit = units.get(i);
			if (unit.parent() != null && (!codes.contains(unit.parent()) || unit.parent().equals(unit.code()))) {
				errors.add(new RowError(unitRows.get(i),
						"Đơn vị cấp trên «" + unit.parent() + "» không có trong danh sách đơn vị."));
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(java.util.Comparator.comparingInt(RowError::row));
			throw new RosterImportRefused(errors);
		}
		if (units.isEmpty()) {
			throw new RosterImportRefused(List.of(new RowError(2, "Tệp không có đơn vị nào.")));
		}
		return units;
	}

	private static String cell(List<String> row, Integer column) {
		if (column == null || column >= row.size()) {
			return "";
		}
		return row.get(column).strip();
	}

	/**
	 * RFC 4180 rows (Apache Commons CSV): quoted fields may hold separators, quotes and line breaks.
	 * The separator is a comma, or a semicolon when the header line has more semicolons than commas
	 * (Excel saves "CSV" with semicolons where the decimal separator is a comma, as in vi-VN).
	 */
	static final class CsvRows {

		private CsvRows() {
		}

		static List<List<String>> split(String text) {
			int firstLineEnd = text.indexOf('\n');
			String header = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
			char delimiter = header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count()
					? ';' : ',';
			org.apache.commons.csv.CSVFormat format = org.apache.commons.csv.CSVFormat.RFC4180.builder()
				.setDelimiter(delimiter)
				.get();
			List<List<String>> rows = new ArrayList<>();
			try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVParser.parse(text, format)) {
				for (org.apache.commons.csv.CSVRecord record : parser) {
					rows.add(record.toList());
				}
			}
			catch (java.io.IOException | java.io.UncheckedIOException | IllegalStateException ex) {
				throw new RosterImportRefused(List.of(new RowError(1,
						"Tệp CSV sai định dạng (dấu ngoặc kép không đóng hoặc dòng hỏng): " + ex.getMessage())));
			}
			return rows;
		}

	}

}
