package vn.cchc.quiz;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** Group-committed answer saves against the service's MongoDB: every save's own outcome, in order. */
class AnswerWritesTest extends QuizTestSupport {

	static final String COLLECTION = "answer-writes-test";

	static final Instant T = Instant.parse("2026-12-06T02:00:00.123Z");

	@Autowired
	AnswerWrites writes;

	@BeforeEach
	void sheets() {
		if (this.mongo.collectionExists(COLLECTION)) {
			this.mongo.dropCollection(COLLECTION);
		}
		for (int i = 0; i < 300; i++) {
			this.mongo.insert(new Document("_id", "a-" + i).append("openId", "open-" + i).append("answerVersion", 0L), COLLECTION);
		}
	}

	@Test
	void aBatchWritesEachSaveInOrderAndTellsWhichMatched() {
		List<AnswerWrites.Save> batch = List.of(save("open-1", "q1", "A", T), save("gone", "q1", "A", T),
				save("open-1", "q1", "B", T.plusSeconds(5)), save("open-2", "q3", "C", T.plusSeconds(1)));

		this.writes.writeBatch(batch);

		assertThat(batch).extracting(s -> s.done().join()).containsExactly(true, false, true, true);
		Document first = sheet("open-1");
		assertThat(first.get("answers", Document.class)).isEqualTo(new Document("q1", "B"));
		assertThat(first.get("answeredAt", Document.class).getDate("q1").toInstant())
			.as("the first time the question was answered is kept").isEqualTo(T.truncatedTo(ChronoUnit.MILLIS));
		assertThat(first.get("answerVersion", Number.class).longValue()).as("it changed; scoring compares it").isPositive();
		assertThat(sheet("open-2").get("answers", Document.class)).isEqualTo(new Document("q3", "C"));
		assertThat(this.mongo.count(Query.query(Criteria.where("openId").is("gone")), COLLECTION)).isZero();
	}

	@Test
	void concurrentSavesShareBulkWritesAndEachIsAcknowledgedOnlyWhenStored() throws Exception {
		long bulkBefore = this.writes.bulkWrites();
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 400; i++) {
				// Every fourth save targets an attempt that is no longer open.
				String openId = i % 4 == 3 ? "closed-" + i : "open-" + (i % 300);
				String question = "q" + (i / 300);
				results.add(pool.submit(() -> {
					go.await();
					return this.writes.save(COLLECTION, openId, question, "D", T);
				}));
			}
			go.countDown();
			for (int i = 0; i < results.size(); i++) {
				assertThat(results.get(i).get()).as("save %d", i).isEqualTo(i % 4 != 3);
			}
		}
		assertThat(this.writes.bulkWrites()).as("saves arriving together went in bulk writes").isGreaterThan(bulkBefore);
		for (int i = 0; i < 400; i++) {
			if (i % 4 != 3) {
				assertThat(sheet("open-" + (i % 300)).get("answers", Document.class).getString("q" + (i / 300)))
					.as("save %d stored", i).isEqualTo("D");
			}
		}
	}

	private Document sheet(String openId) {
		return this.mongo.findOne(Query.query(Criteria.where("openId").is(openId)), Document.class, COLLECTION);
	}

	private static AnswerWrites.Save save(String openId, String question, String option, Instant at) {
		return new AnswerWrites.Save(COLLECTION, openId, question, option, at, new CompletableFuture<>());
	}

}
