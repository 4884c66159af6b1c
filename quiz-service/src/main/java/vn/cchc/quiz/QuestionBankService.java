package vn.cchc.quiz;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;
import vn.cchc.quiz.QuestionBank.Option;
import vn.cchc.quiz.QuestionBank.Question;

/**
 * Imports banks from CSV ({@code code,topic,text,option_a..option_d,correct}) and keeps them in
 * memory: a round's questions are read on every start, so they are hot data.
 */
@Service
public class QuestionBankService {

	static final String SAMPLE_BANK = "cchc-mau";

	private static final Logger log = LoggerFactory.getLogger(QuestionBankService.class);

	private static final List<String> OPTION_COLUMNS = List.of("option_a", "option_b", "option_c", "option_d");

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Map<String, QuestionBank> cache = new ConcurrentHashMap<>();

	QuestionBankService(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The sample bank shipped with the service, so a fresh platform can run a demo round. */
	@EventListener(ApplicationReadyEvent.class)
	void installSampleBank() throws IOException {
		if (this.mongo.findById(SAMPLE_BANK, QuestionBank.class) == null) {
			try (InputStream in = new ClassPathResource("banks/" + SAMPLE_BANK + ".csv").getInputStream()) {
				List<Question> questions = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				this.mongo.save(new QuestionBank(SAMPLE_BANK, 1, questions, "system", this.clock.instant()));
				log.info("Installed the sample question bank {} ({} questions)", SAMPLE_BANK, questions.size());
			}
		}
	}

	QuestionBank importCsv(Caller caller, String code, String csv) {
		caller.require("organizer", "admin");
		if (!code.matches("[a-z0-9-]{2,40}")) {
			throw ApiException.badRequest("bank.code.invalid",
					"Mã ngân hàng câu hỏi chỉ gồm chữ thường không dấu, số và gạch ngang (2–40 ký tự).");
		}
		List<Question> questions = parse(csv);
		QuestionBank existing = this.mongo.findById(code, QuestionBank.class);
		QuestionBank bank = new QuestionBank(code, existing == null ? 1 : existing.version() + 1, questions,
				caller.userId(), this.clock.instant());
		this.mongo.save(bank);
		this.cache.remove(code);
		return bank;
	}

	QuestionBank bank(String code) {
		QuestionBank bank = this.cache.computeIfAbsent(code, c -> this.mongo.findById(c, QuestionBank.class));
		if (bank == null) {
			throw ApiException.conflict("bank.not-found",
					"Ngân hàng câu hỏi «" + code + "» của vòng thi chưa được tải lên. Vui lòng báo Ban tổ chức.");
		}
		return bank;
	}

	/** Parses and validates every row; any error refuses the whole file. */
	static List<Question> parse(String csv) {
		String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		List<String> errors = new ArrayList<>();
		List<Question> questions = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
		try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
			for (String column : List.of("code", "text", "option_a", "option_b", "correct")) {
				if (!parser.getHeaderMap().containsKey(column)) {
					throw ApiException.badRequest("bank.csv.header",
							"Tệp thiếu cột «" + column + "». Cột cần có: code,topic,text,option_a,option_b,option_c,option_d,correct.");
				}
			}
			for (CSVRecord row : parser) {
				long line = row.getRecordNumber() + 1;
				String id = value(row, "code");
				List<Option> options = new ArrayList<>();
				for (int i = 0; i < OPTION_COLUMNS.size(); i++) {
					String option = value(row, OPTION_COLUMNS.get(i));
					if (!option.isEmpty()) {
						options.add(new Option(String.valueOf((char) ('A' + i)), option));
					}
				}
				String correct = value(row, "correct").toUpperCase();
				if (!id.matches("[A-Za-z0-9_-]{1,40}")) {
					errors.add("dòng " + line + ": mã câu hỏi trống hoặc có ký tự không hợp lệ");
				}
				else if (!ids.add(id)) {
					errors.add("dòng " + line + ": mã câu hỏi «" + id + "» bị trùng");
				}
				if (value(row, "text").isEmpty()) {
					errors.add("dòng " + line + ": nội dung câu hỏi trống");
				}
				if (options.size() < 2) {
					errors.add("dòng " + line + ": cần ít nhất hai phương án trả lời");
				}
				if (options.stream().noneMatch(o -> o.key().equals(correct))) {
					errors.add("dòng " + line + ": đáp án đúng «" + correct + "» không khớp phương án nào");
				}
				questions.add(new Question(id, value(row, "topic"), value(row, "text"), options, correct));
			}
		}
		catch (IOException | IllegalArgumentException | IllegalStateException ex) {
			throw ApiException.badRequest("bank.csv.malformed", "Tệp CSV không đọc được: " + ex.getMessage());
		}
		if (questions.isEmpty() && errors.isEmpty()) {
			errors.add("tệp không có câu hỏi nào");
		}
		if (!errors.isEmpty()) {
			throw ApiException.badRequest("bank.csv.invalid", "Ngân hàng câu hỏi không được nhập vì có lỗi: "
					+ String.join("; ", errors.stream().limit(20).toList()) + (errors.size() > 20 ? "; …" : "") + ".");
		}
		return questions;
	}

	private static String value(CSVRecord row, String column) {
		return row.isMapped(column) && row.isSet(column) ? row.get(column).strip() : "";
	}

}
