package vn.cchc.registration.roster;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ServiceTest;
import vn.cchc.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class RosterApiTest {

	static final String ORGANIZER = TestTokens.token("org-roster", "organizer");

	static final String CITIZEN = TestTokens.token("citizen-roster", "citizen");

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	RosterService rosters;

	record Reply(int status, JsonNode json) {
	}

	ApiClient api() {
		return new ApiClient("http://127.0.0.1:" + this.port);
	}

	String newRoster(String name) {
		ApiClient.Response created = api().post("/api/registration/rosters", ORGANIZER,
				ApiClient.json(Map.of("name", name, "organizer", "UBND phường Bồng Sơn")));
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	Reply putUnits(String token, String rosterId, String effectiveFrom, byte[] body, String contentType)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/registration/rosters/" + rosterId
					+ "/units?effectiveFrom=" + effectiveFrom))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", contentType)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Reply(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
	}

	Reply putCsv(String rosterId, String effectiveFrom, byte[] body) throws IOException, InterruptedException {
		return putUnits(ORGANIZER, rosterId, effectiveFrom, body, "text/csv");
	}

	JsonNode units(String rosterId, String asOf) {
		ApiClient.Response response = api().get("/api/registration/rosters/" + rosterId + "?asOf=" + asOf, ORGANIZER);
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("units");
	}

	List<String> codes(JsonNode units) {
		List<String> codes = new ArrayList<>();
		units.forEach((u) -> codes.add(u.get("code").asString()));
		return codes;
	}

	static byte[] resource(String name) throws IOException {
		try (InputStream in = RosterApiTest.class.getResourceAsStream("/rosters/" + name)) {
			return in.readAllBytes();
		}
	}

	/** Base letters composed, tone marks (grave, acute, tilde, hook, dot below) left combining. */
	static String windows1258Form(String text) {
		String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder();
		StringBuilder base = new StringBuilder();
		StringBuilder tones = new StringBuilder();
		for (char c : nfd.toCharArray()) {
			boolean combining = Character.getType(c) == Character.NON_SPACING_MARK;
			if (!combining) {
				out.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tones);
				base.setLength(0);
				tones.setLength(0);
				base.append(c);
			}
			else if ("\u0300\u0301\u0303\u0309\u0323".indexOf(c) >= 0) {
				tones.append(c);
			}
			else {
				base.append(c);
			}
		}
		return out.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tones).toString();
	}

	static java.time.Instant day(String date) {
		return LocalDate.parse(date).atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
	}

	@Test
	void the_three_real_rosters_import_whole_with_their_blocks() throws Exception {
		Map<String, Integer> expected = Map.of("bong-son-2024-units.csv", 15, "kon-ray-2023-units.csv", 7,
				"soc-trang-2021-units.csv", 46);
		for (var entry : expected.entrySet()) {
			String id = newRoster(entry.getKey());
			Reply reply = putCsv(id, "2021-01-01", resource(entry.getKey()));
			assertThat(reply.status()).as(entry.getKey()).isEqualTo(200);
			assertThat(reply.json().get("count").asInt()).isEqualTo(entry.getValue());
			assertThat(units(id, "2024-06-01")).hasSize(entry.getValue());
		}
		String bongSon = newRoster("Phường Bồng Sơn");
		putCsv(bongSon, "2024-05-01", resource("bong-son-2024-units.csv"));
		JsonNode first = units(bongSon, "2024-06-01").get(0);
		assertThat(first.get("name").asString()).isEqualTo("Khu phố 1");
		assertThat(first.get("block").asString()).isEqualTo("khu-pho");
		assertThat(units(bongSon, "2024-04-30")).as("nothing before the import date").isEmpty();
	}

	@Test
	void a_windows_1258_file_comes_back_in_nfc_with_its_diacritics() throws Exception {
		// Windows-1258 has â, ê, ơ, ư… precomposed but spells the five tones as combining marks
		String csv = "ma,ten,loai,don_vi_cap_tren,khoi,bien_che\r\n" + "KR-UB,Ủy ban nhân dân huyện Kon Rẫy,district,,,50\r\n"
				+ "KR-DTL,Xã Đắk Tơ Lung,commune,KR-UB,xa-thi-tran,22\r\n";
		byte[] bytes = windows1258Form(csv).getBytes(Charset.forName("windows-1258"));
		assertThat(new String(bytes, Charset.forName("windows-1258"))).doesNotContain("?");
		String id = newRoster("Huyện Kon Rẫy");
		Reply reply = putCsv(id, "2023-01-01", bytes);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("totalHeadcount").asLong()).isEqualTo(72);
		assertThat(reply.json().get("byKind").get("commune").asInt()).isEqualTo(1);
		JsonNode units = units(id, "2023-06-01");
		assertThat(units.get(0).get("name").asString()).isEqualTo("Ủy ban nhân dân huyện Kon Rẫy")
			.isEqualTo(Normalizer.normalize("Ủy ban nhân dân huyện Kon Rẫy", Normalizer.Form.NFC));
		assertThat(units.get(1).get("name").asString()).isEqualTo("Xã Đắk Tơ Lung");
		assertThat(units.get(1).get("parent").asString()).isEqualTo("KR-UB");
		assertThat(units.get(1).get("kindLabel").asString()).isEqualTo("Xã, phường, thị trấn");
	}

	@Test
	void a_utf8_file_with_bom_and_capitalised_headers_imports() throws Exception {
		String csv = "\uFEFFCode,Name,Group,Headcount\n\"BS-KP1\",\"Khu phố 1, Bồng Sơn\",khu-pho,120\n";
		String id = newRoster("Phường Bồng Sơn");
		Reply reply = putCsv(id, "2024-05-01", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(reply.status()).isEqualTo(200);
		JsonNode unit = units(id, "2024-05-01").get(0);
		assertThat(unit.get("code").asString()).isEqualTo("BS-KP1");
		assertThat(unit.get("name").asString()).isEqualTo("Khu phố 1, Bồng Sơn");
		assertThat(unit.get("headcount").asInt()).isEqualTo(120);
	}

	@Test
	void a_semicolon_csv_saved_by_a_vietnamese_excel_imports_and_a_broken_quote_is_refused() throws Exception {
		String csv = "code;name;group;headcount\r\nBS-KP1;\"Khu phố 1; Bồng Sơn\";khu-pho;120\r\nBS-KP2;Khu phố 2;khu-pho;80\r\n";
		String id = newRoster("Phường Bồng Sơn (Excel)");
		Reply reply = putCsv(id, "2024-05-01", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(200);
		JsonNode units = units(id, "2024-05-01");
		assertThat(units).hasSize(2);
		assertThat(units.get(0).get("name").asString()).isEqualTo("Khu phố 1; Bồng Sơn");
		assertThat(units.get(1).get("headcount").asInt()).isEqualTo(80);

		String broken = newRoster("Tệp hỏng");
		Reply refused = putCsv(broken, "2024-05-01",
				"code,name\nBS-KP1,\"Khu phố 1\nBS-KP2,Khu phố 2\n".getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(units(broken, "2024-05-01")).isEmpty();
	}

	@Test
	void an_xlsx_workbook_imports_like_a_csv() throws Exception {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
			var sheet = workbook.createSheet("Đơn vị");
			String[][] rows = { { "Mã", "Tên", "Loại", "Khối", "Biên chế" },
					{ "ST-SNV", "Sở Nội vụ", "department", "co-quan-chuyen-mon", null },
					{ "ST-HCT", "UBND huyện Châu Thành", "district", "huyen-thi-xa", null } };
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] != null) {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			sheet.getRow(1).createCell(4).setCellValue(35);
			sheet.getRow(2).createCell(4).setCellValue(120);
			workbook.write(out);
		}
		String id = newRoster("Tỉnh Sóc Trăng");
		Reply reply = putUnits(ORGANIZER, id, "2021-09-01", out.toByteArray(), RosterController.XLSX);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("count").asInt()).isEqualTo(2);
		assertThat(reply.json().get("totalHeadcount").asLong()).isEqualTo(155);
		JsonNode units = units(id, "2021-10-01");
		assertThat(units.get(1).get("name").asString()).isEqualTo("UBND huyện Châu Thành");
		assertThat(units.get(1).get("block").asString()).isEqualTo("huyen-thi-xa");

		Reply broken = putUnits(ORGANIZER, id, "2021-10-01", "không phải excel".getBytes(StandardCharsets.UTF_8),
				RosterController.XLSX);
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.json().get("code").asString()).isEqualTo("roster.import.invalid");
		assertThat(units(id, "2021-11-01")).hasSize(2);
	}

	@Test
	void a_bad_file_is_refused_whole_with_its_rows_and_changes_nothing() throws Exception {
		String id = newRoster("Phường Bồng Sơn");
		putCsv(id, "2024-05-01", "code,name,headcount\nBS-KP1,Khu phố 1,10\n".getBytes(StandardCharsets.UTF_8));
		String bad = "code,name,kind,parent,headcount\n" + "BS-KP1,Khu phố 1,neighbourhood,,10\n"
				+ "BS-KP1,Khu phố 1 trùng,neighbourhood,,10\n" + ",Không mã,,,\n" + "BS-KP3,Khu phố 3,hành tinh,,\n"
				+ "BS-KP4,Khu phố 4,,BS-KHONGCO,\n" + "BS-KP5,Khu phố 5,,,-3\n" + "BS-KP6,Khu phố 6,,,mười\n";
		Reply reply = putCsv(id, "2024-06-01", bad.getBytes(StandardCharsets.UTF_8));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("code").asString()).isEqualTo("roster.import.invalid");
		assertThat(reply.json().get("detail").asString()).contains("chưa có đơn vị nào được ghi");
		List<Integer> rows = new ArrayList<>();
		List<String> messages = new ArrayList<>();
		reply.json().get("errors").forEach((e) -> {
			rows.add(e.get("row").asInt());
			messages.add(e.get("message").asString());
		});
		assertThat(rows).containsExactly(3, 4, 5, 6, 7, 8);
		assertThat(messages).containsExactly("Mã đơn vị «BS-KP1» bị trùng với một dòng phía trên.",
				"Mã đơn vị đang để trống.", "Loại đơn vị «hành tinh» không hợp lệ.",
				"Đơn vị cấp trên «BS-KHONGCO» không có trong danh sách đơn vị.",
				"Biên chế «-3» không được là số âm.", "Biên chế «mười» không phải là số nguyên.");

		Reply missingColumn = putCsv(id, "2024-06-01", "code,ten_khac\nA,B\n".getBytes(StandardCharsets.UTF_8));
		assertThat(missingColumn.status()).isEqualTo(400);
		assertThat(missingColumn.json().get("errors").get(0).get("message").asString())
			.isEqualTo("Thiếu cột bắt buộc «name».");
		assertThat(putCsv(id, "2024-06-01", new byte[0]).status()).isEqualTo(400);

		assertThat(codes(units(id, "2024-07-01"))).as("the stored roster is unchanged").containsExactly("BS-KP1");
		ApiClient.Response roster = api().get("/api/registration/rosters/" + id, ORGANIZER);
		assertThat(roster.json().get("versions")).hasSize(1);
	}

	@Test
	void merge_and_split_are_dated_and_a_contest_keeps_its_snapshot() throws Exception {
		String id = newRoster("Huyện Kon Rẫy");
		putCsv(id, "2024-01-01", ("code,name,kind,headcount\n" + "A,Xã A,commune,10\n" + "B,Xã B,commune,20\n"
				+ "D,Xã D,commune,30\n").getBytes(StandardCharsets.UTF_8));
		var snapshot = this.rosters.snapshot(id, day("2024-06-01"));

		ApiClient.Response merged = api().post("/api/registration/rosters/" + id + "/changes", ORGANIZER,
				ApiClient.json(Map.of("type", "merge", "effectiveFrom", "2025-07-01", "from", List.of("A", "B"), "into",
						Map.of("code", "C", "name", "Xã Đắk Rve mới", "kind", "commune", "headcount", 40))));
		assertThat(merged.status()).isEqualTo(200);
		assertThat(merged.json().get("totalHeadcount").asLong()).isEqualTo(70);
		assertThat(codes(units(id, "2025-06-30"))).containsExactly("A", "B", "D");
		assertThat(codes(units(id, "2025-07-01"))).containsExactly("C", "D");

		ApiClient.Response split = api().post("/api/registration/rosters/" + id + "/changes", ORGANIZER,
				ApiClient.json(Map.of("type", "split", "effectiveFrom", "2025-08-01", "from", "D", "into",
						List.of(Map.of("code", "D1", "name", "Xã D1", "headcount", 12),
								Map.of("code", "D2", "name", "Xã D2", "headcount", 18)))));
		assertThat(split.status()).isEqualTo(200);
		assertThat(codes(units(id, "2025-07-15"))).containsExactly("C", "D");
		assertThat(codes(units(id, "2025-08-01"))).containsExactly("C", "D1", "D2");

		assertThat(api().post("/api/registration/rosters/" + id + "/changes", ORGANIZER,
				ApiClient.json(Map.of("type", "rename", "effectiveFrom", "2025-09-01", "code", "C", "name", "Xã Tân Lập")))
			.status()).isEqualTo(200);
		assertThat(api().post("/api/registration/rosters/" + id + "/changes", ORGANIZER,
				ApiClient.json(Map.of("type", "headcount", "effectiveFrom", "2025-09-01", "code", "C", "headcount", 45)))
			.status()).isEqualTo(200);
		JsonNode c = units(id, "2025-09-02").get(0);
		assertThat(c.get("name").asString()).isEqualTo("Xã Tân Lập");
		assertThat(c.get("headcount").asInt()).isEqualTo(45);

		ApiClient.Response unknown = api().post("/api/registration/rosters/" + id + "/changes", ORGANIZER,
				ApiClient.json(Map.of("type", "merge", "effectiveFrom", "2025-10-01", "from", List.of("A", "C"), "into",
						Map.of("code", "E", "name", "Xã E"))));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("detail").asString()).contains("«A» không có trong danh sách đơn vị");
		ApiClient.Response late = api().post("/api/registration/rosters/" + id + "/changes", ORGANIZER,
				ApiClient.json(Map.of("type", "headcount", "effectiveFrom", "2025-01-01", "code", "A", "headcount", 1)));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("code").asString()).isEqualTo("roster.change.out-of-order");

		assertThat(snapshot).extracting(RosterUnit::code).containsExactly("A", "B", "D");
		assertThat(this.rosters.snapshot(id, day("2024-06-01"))).isEqualTo(snapshot);
	}

	@Test
	void only_organizers_and_admins_manage_rosters() throws Exception {
		String id = newRoster("Phường Bồng Sơn");
		assertThat(api().post("/api/registration/rosters", CITIZEN, ApiClient.json(Map.of("name", "X"))).status())
			.isEqualTo(403);
		Reply put = putUnits(CITIZEN, id, "2024-05-01", resource("kon-ray-2023-units.csv"), "text/csv");
		assertThat(put.status()).isEqualTo(403);
		assertThat(put.json().get("code").asString()).isEqualTo("auth.forbidden");
		assertThat(api().get("/api/registration/rosters/" + id, CITIZEN).status()).isEqualTo(403);
		assertThat(api().get("/api/registration/rosters/khong-co", ORGANIZER).status()).isEqualTo(404);
	}

}
