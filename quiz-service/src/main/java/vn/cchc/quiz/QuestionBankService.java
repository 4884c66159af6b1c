package vn.cchc.quiz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;
import vn.cchc.quiz.QuestionBank.Question;

/**
 * Imports banks (CSV or XLSX), keeps every version, and serves drawing pools from memory. A bank
 * version never changes once written, so its pool is cached for the life of the instance and two
 * instances can never disagree about it.
 */
@Service
public class QuestionBankService {

	static final String SAMPLE_BANK = "cchc-mau";

	private static final Logger log = LoggerFactory.getLogger(QuestionBankService.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Map<String, QuestionPool> pools = new ConcurrentHashMap<>();

	QuestionBankService(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		mongo.indexOps(BankVersion.class)
			.createIndex(new Index("code", Sort.Direction.ASC).on("version", Sort.Direction.DESC));
	}

	/** The sample bank shipped with the service, so a fresh platform can run a demo round. */
	@EventListener(ApplicationReadyEvent.class)
	void installSampleBank() throws IOException {
		if (this.mongo.findById(SAMPLE_BANK, QuestionBank.class) == null) {
			try (InputStream in = new ClassPathResource("banks/" + SAMPLE_BANK + ".csv").getInputStream()) {
				List<Question> questions = BankFile.csv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				store(SAMPLE_BANK, questions, "system", "csv");
				log.info("Installed the sample question bank {} ({} questions)", SAMPLE_BANK, questions.size());
			}
			catch (org.springframework.dao.DataAccessException ex) {
				// Another instance installed it first: a duplicate key (the embedded MongoDB reports
				// it as an uncategorised "Key … already exists" error, not as code 11000).
				if (this.mongo.findById(SAMPLE_BANK, QuestionBank.class) == null) {
					throw ex;
				}
				log.info("Another instance installed the sample bank first");
			}
		}
	}

	QuestionBank importCsv(Caller caller, String code, String csv) {
		checkImport(caller, code);
		return store(code, BankFile.csv(csv), caller.userId(), "csv");
	}

	QuestionBank importXlsx(Caller caller, String code, byte[] xlsx) {
		checkImport(caller, code);
		return store(code, BankFile.xlsx(xlsx), caller.userId(), "xlsx");
	}

	private static void checkImport(Caller caller, String code) {
		caller.require("organizer", "admin");
		if (!code.matches("[a-z0-9-]{2,40}")) {
			throw ApiException.badRequest("bank.code.invalid",
					"Mã ngân hàng câu hỏi chỉ gồm chữ thường không dấu, số và gạch ngang (2–40 ký tự).");
		}
	}

	/**
	 * Writes a new version: the immutable version first (its id {@code code@n} is unique, so a
	 * concurrent import of the same code takes n+1), then the current pointer.
	 */
	private QuestionBank store(String code, List<Question> questions, String userId, String format) {
		for (int tries = 0; tries < 5; tries++) {
			int version = latestVersion(code) + 1;
			var uploadedAt = this.clock.instant();
			try {
				this.mongo.insert(new BankVersion(BankVersion.id(code, version), code, version, questions, userId,
						uploadedAt, format));
			}
			catch (DuplicateKeyException ex) {
				continue;
			}
			QuestionBank bank = new QuestionBank(code, version, questions, userId, uploadedAt);
			this.mongo.save(bank);
			return bank;
		}
		throw ApiException.conflict("bank.import.busy", "Ngân hàng câu hỏi đang được nhập ở nơi khác, vui lòng thử lại.");
	}

	private int latestVersion(String code) {
		BankVersion latest = this.mongo.findOne(Query.query(Criteria.where("code").is(code))
			.with(Sort.by(Sort.Direction.DESC, "version"))
			.limit(1), BankVersion.class);
		QuestionBank current = this.mongo.findById(code, QuestionBank.class);
		return Math.max(latest == null ? 0 : latest.version(), current == null ? 0 : current.version());
	}

	/** The version a round starting now would pin. */
	int currentVersion(String code) {
		QuestionBank current = this.mongo.findById(code, QuestionBank.class);
		if (current == null) {
			throw missing(code);
		}
		return current.version();
	}

	/** The drawing pool of one version, from memory after the first use. */
	QuestionPool pool(String code, int version) {
		QuestionPool pool = this.pools.computeIfAbsent(BankVersion.id(code, version), id -> {
			List<Question> questions = questions(code, version);
			return questions == null ? null : new QuestionPool(code, version, questions);
		});
		if (pool == null) {
			throw missing(code);
		}
		return pool;
	}

	private List<Question> questions(String code, int version) {
		BankVersion stored = this.mongo.findById(BankVersion.id(code, version), BankVersion.class);
		if (stored != null) {
			return stored.questions();
		}
		// Banks imported before versions were kept have only their current document.
		QuestionBank current = this.mongo.findById(code, QuestionBank.class);
		return current != null && current.version() == version ? current.questions() : null;
	}

	/** Metadata of every version of a bank, newest first (organisers only). */
	List<BankVersion> versions(Caller caller, String code) {
		caller.require("organizer", "admin");
		List<BankVersion> versions = this.mongo.find(
				Query.query(Criteria.where("code").is(code)).with(Sort.by(Sort.Direction.DESC, "version")),
				BankVersion.class);
		if (versions.isEmpty()) {
			QuestionBank current = this.mongo.findById(code, QuestionBank.class);
			if (current == null) {
				throw ApiException.notFound("bank.not-found", "Không tìm thấy ngân hàng câu hỏi «" + code + "».");
			}
			return List.of(new BankVersion(BankVersion.id(code, current.version()), code, current.version(),
					current.questions(), current.uploadedBy(), current.uploadedAt(), "csv"));
		}
		return versions;
	}

	/** One version with its answer key, for the organiser's preview; null version means the current one. */
	QuestionPool preview(Caller caller, String code, Integer version) {
		caller.require("organizer", "admin");
		int wanted;
		try {
			wanted = version == null ? currentVersion(code) : version;
			return pool(code, wanted);
		}
		catch (ApiException ex) {
			throw ApiException.notFound("bank.not-found", "Không tìm thấy ngân hàng câu hỏi «" + code + "»"
					+ (version == null ? "" : " phiên bản " + version) + ".");
		}
	}

	private static ApiException missing(String code) {
		return ApiException.conflict("bank.not-found",
				"Ngân hàng câu hỏi «" + code + "» của vòng thi chưa được tải lên. Vui lòng báo Ban tổ chức.");
	}

}
