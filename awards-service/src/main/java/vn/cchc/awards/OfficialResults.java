package vn.cchc.awards;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.cchc.awards.ranking.Allocation;
import vn.cchc.awards.ranking.Award;
import vn.cchc.contracts.ResultEvent.ResultsPublished;
import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.outbox.OutboxMessage;
import vn.cchc.platform.web.ApiException;

/**
 * From provisional to official: the organiser finalises the prizes (no open tie allowed), drafts
 * the award decision (Quyết định: number, date, signer), approves it and publishes it. A published
 * version never changes; a correction reopens the work as the next version, with its reason, and
 * publishing it emits {@link ResultsPublished} again. State and event are one write (the outbox),
 * guarded by a revision so two organisers cannot overwrite each other.
 */
@Service
class OfficialResults {

	static final String COLLECTION = "official_results";

	private final MongoTemplate mongo;

	private final ContestResults results;

	private final Outbox outbox;

	private final Clock clock;

	OfficialResults(MongoTemplate mongo, ContestResults results, Outbox outbox, Clock clock) {
		this.mongo = mongo;
		this.results = results;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** The award decision as signed: number (e.g. 123/QĐ-UBND), date, signer and the issuing body. */
	record Decision(String number, LocalDate date, String signer, String signerTitle, String issuer,
			@Nullable String place) {
	}

	/** One published version, kept for ever. */
	record Version(int version, Decision decision, List<Award> awards, @Nullable String reason, Instant publishedAt,
			String publishedBy) {
	}

	/**
	 * {@code status}: finalised → drafted → approved → published; correcting after a published
	 * version was reopened. {@code version} is the version being worked on (or the last published).
	 */
	@Document(COLLECTION)
	record Official(@Id String contestId, String status, int version, long revision, String title,
			@Nullable String roundId, List<Award> awards, @Nullable Decision decision, @Nullable String reason,
			@Nullable String finalisedBy, @Nullable String approvedBy, List<Version> published,
			@Nullable List<OutboxMessage> outbox) {

		@Nullable Version latest() {
			return this.published.isEmpty() ? null : this.published.get(this.published.size() - 1);
		}

		Official with(String status, List<Award> awards, @Nullable Decision decision, @Nullable String reason,
				@Nullable String finalisedBy, @Nullable String approvedBy, List<Version> published, int version) {
			return new Official(this.contestId, status, version, this.revision, this.title, this.roundId, awards,
					decision, reason, finalisedBy, approvedBy, published, null);
		}

	}

	@Nullable Official find(String contestId) {
		return this.mongo.findById(contestId, Official.class);
	}

	Official finalise(String contestId, String by) {
		Official current = find(contestId);
		if (current != null && !List.of("finalised", "drafted", "correcting").contains(current.status())) {
			throw immutable(current);
		}
		ContestResults.Computed computed = this.results.of(contestId);
		Allocation allocation = computed.allocation();
		if (!allocation.complete()) {
			throw ApiException.conflict("awards.results.ties-pending",
					"Còn " + allocation.ties().size() + " trường hợp đồng hạng ở ranh giới giải cần Ban Tổ chức quyết định trước khi chốt kết quả.")
				.withProperty("ties", allocation.ties());
		}
		if (allocation.awards().isEmpty()) {
			throw ApiException.conflict("awards.results.empty", "Chưa có giải nào được xác định từ kết quả dự thi.");
		}
		if (current == null) {
			String roundId = computed.rounds().isEmpty() ? contestId : computed.rounds().get(0).roundId();
			Official created = new Official(contestId, "finalised", 1, 0, computed.title(), roundId,
					allocation.awards(), null, null, by, null, List.of(), List.of());
			this.mongo.insert(created);
			return created;
		}
		return save(current, current.with("finalised", allocation.awards(), current.decision(), current.reason(), by,
				null, current.published(), current.version()));
	}

	Official draftDecision(String contestId, Decision decision) {
		Official current = require(contestId);
		if (!List.of("finalised", "drafted").contains(current.status())) {
			throw current.status().equals("correcting") ? notFinalised() : immutable(current);
		}
		return save(current, current.with("drafted", current.awards(), decision, current.reason(),
				current.finalisedBy(), null, current.published(), current.version()));
	}

	Official approve(String contestId, String by) {
		Official current = require(contestId);
		if (!"drafted".equals(current.status())) {
			throw ApiException.conflict("awards.results.not-drafted",
					"Chỉ phê duyệt được khi đã có dự thảo quyết định khen thưởng.");
		}
		return save(current, current.with("approved", current.awards(), current.decision(), current.reason(),
				current.finalisedBy(), by, current.published(), current.version()));
	}

	Official publish(String contestId, String by) {
		Official current = require(contestId);
		if (!"approved".equals(current.status())) {
			throw ApiException.conflict("awards.results.not-approved",
					"Chỉ công bố được quyết định khen thưởng đã được phê duyệt.");
		}
		Instant now = this.clock.instant();
		Decision decision = Objects.requireNonNull(current.decision());
		List<Version> published = new ArrayList<>(current.published());
		published.add(new Version(current.version(), decision, current.awards(), current.reason(), now, by));
		String reason = current.reason() == null ? "Công bố kết quả chính thức" : current.reason();
		return save(current, current.with("published", current.awards(), decision, current.reason(),
				current.finalisedBy(), current.approvedBy(), published, current.version()),
				new ResultsPublished(contestId, Objects.requireNonNullElse(current.roundId(), contestId),
						current.version(), decision.number(), reason, now));
	}

	/** Reopens a published result as the next version; the published one stays as it was. */
	Official correct(String contestId, String reason) {
		Official current = require(contestId);
		if (!"published".equals(current.status())) {
			throw ApiException.conflict("awards.results.not-published",
					"Chỉ đính chính được kết quả đã công bố; kết quả chưa công bố có thể chốt lại trực tiếp.");
		}
		return save(current, current.with("correcting", current.awards(), null, reason, null, null,
				current.published(), current.version() + 1));
	}

	private Official require(String contestId) {
		Official current = find(contestId);
		if (current == null) {
			throw notFinalised();
		}
		return current;
	}

	private Official save(Official current, Official next, vn.cchc.contracts.CchcEvent... events) {
		org.bson.Document fields = new org.bson.Document();
		this.mongo.getConverter().write(next, fields);
		Update update = new Update();
		fields.forEach((k, v) -> {
			if (!k.equals("_id") && !k.equals("_class") && !k.equals(OutboxMessage.FIELD) && !k.equals("revision")) {
				update.set(k, v);
			}
		});
		List.of("decision", "reason", "finalisedBy", "approvedBy").forEach(k -> {
			if (!fields.containsKey(k)) {
				update.unset(k);
			}
		});
		update.inc("revision", 1);
		if (events.length > 0) {
			this.outbox.append(update, events);
		}
		var result = this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(current.contestId()).and("revision").is(current.revision())),
				update, Official.class);
		if (result.getModifiedCount() == 0) {
			throw ApiException.conflict("awards.results.concurrent",
					"Kết quả vừa được người khác thay đổi; vui lòng tải lại rồi thực hiện lại.");
		}
		if (events.length > 0) {
			this.outbox.written(COLLECTION, current.contestId());
		}
		return Objects.requireNonNull(find(current.contestId()));
	}

	private static ApiException immutable(Official current) {
		return ApiException.conflict("awards.results.immutable", "Kết quả phiên bản " + current.version()
				+ " đã " + ("published".equals(current.status()) ? "công bố" : "phê duyệt")
				+ " nên không thể sửa; hãy lập bản đính chính (phiên bản mới) kèm lý do.");
	}

	private static ApiException notFinalised() {
		return ApiException.conflict("awards.results.not-finalised", "Kết quả chưa được Ban Tổ chức chốt.");
	}

}
