package vn.cchc.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in's own update path ({@code SnapshotCollection#updateDocuments}) against the stock
 * backend's: every step runs on both, and the results, the errors and the stored documents must be
 * the same, for the shapes it applies itself and for those it hands back.
 */
class SnapshotUpdatesTest {

	private static final Date T1 = Date.from(Instant.parse("2026-12-07T08:00:01Z"));

	private static final Date T2 = Date.from(Instant.parse("2026-12-07T08:00:02Z"));

	@Test
	void updatesLeaveTheSameDocumentsAndResultsAsTheStockBackend() {
		List<Function<MongoCollection<Document>, Object>> steps = List.of(
				// The answer save, first and repeated (the same answer, a later time: only the counter changes).
				c -> updateOne(c, Filters.eq("openId", "a1"), answer("q1", "A", T2)),
				c -> updateOne(c, Filters.eq("openId", "a1"), answer("q1", "A", T2)),
				c -> updateOne(c, Filters.eq("openId", "a1"), Updates.combine(Updates.set("answers.q1", "A"),
						Updates.min("answeredAt.q1", T2))),
				c -> updateOne(c, Filters.eq("openId", "a1"), Updates.min("answeredAt.q1", T1)),
				c -> updateOne(c, Filters.eq("openId", "a1"), answer("q2", "B", T1)),
				c -> updateOne(c, Filters.eq("_id", "a1"), Updates.combine(Updates.set("answers.q1", "C"),
						Updates.set("done", true), Updates.set("closedAt", T2))),
				// An int that overflows becomes a long; a missing counter starts from 0.
				c -> updateOne(c, Filters.eq("openId", "a2"), Updates.inc("n", 1)),
				c -> updateOne(c, Filters.eq("openId", "a2"), Updates.combine(Updates.inc("m", 2L), Updates.inc("d", 0.5))),
				// Subdocuments created on the way; nothing matched; an upsert.
				c -> updateOne(c, Filters.eq("_id", "a3"), Updates.set("deep.er.path", "v")),
				c -> updateOne(c, Filters.eq("openId", "none"), Updates.set("x", "y")),
				c -> c.updateOne(Filters.eq("_id", "n1"), Updates.set("x", "y"), new UpdateOptions().upsert(true))
					.getMatchedCount(),
				// Shapes handed back to the stock path, errors included.
				c -> updateOne(c, Filters.eq("openId", "a2"), Updates.set("list.0", "x")),
				c -> updateOne(c, Filters.eq("openId", "a2"), Updates.set("answers", "flat")),
				c -> updateOne(c, Filters.eq("openId", "a2"), Updates.set("answers.q1", "D")),
				c -> updateOne(c, Filters.eq("openId", "a1"), Updates.set("openId", "a2")),
				c -> updateOne(c, Filters.eq("openId", "a1"), Updates.combine(Updates.set("answers.q1", "E"),
						Updates.set("answers", new Document()))),
				c -> updateOne(c, Filters.eq("openId", "a1"), Updates.inc("answers.q1", 1)),
				c -> updateOne(c, Filters.eq("openId", "a1"), Updates.min("answers.q1", T1)),
				c -> updateOne(c, Filters.eq("openId", "a1"), Updates.set("nothing", null)),
				c -> c.updateMany(Filters.eq("openId", "a1"), Updates.set("answers.q3", "A")).getModifiedCount(),
				// An ordered bulk write of saves, two of the same question: the later wins.
				c -> c.bulkWrite(List.of(new UpdateOneModel<>(Filters.eq("openId", "a1"), answer("q4", "A", T1)),
						new UpdateOneModel<>(Filters.eq("openId", "a2"), answer("q4", "B", T1)),
						new UpdateOneModel<>(Filters.eq("openId", "a1"), answer("q4", "C", T2)),
						new UpdateOneModel<>(Filters.eq("openId", "gone"), answer("q4", "D", T2))))
					.getMatchedCount(),
				// Closing and scoring an attempt: an indexed key removed and another set, returned as it is after.
				c -> c.findOneAndUpdate(Filters.eq("openId", "a1"), Updates.combine(Updates.unset("openId"),
						Updates.set("scoringKey", "a1"), Updates.set("closedAt", T2)), AFTER),
				c -> c.findOneAndUpdate(Filters.eq("openId", "a1"), Updates.set("closedAt", T1), AFTER),
				c -> c.findOneAndUpdate(Filters.eq("openId", "a2"), Updates.set("closedAt", T1)),
				c -> updateOne(c, Filters.eq("scoringKey", "a1"), Updates.combine(Updates.set("status", "SUBMITTED"),
						Updates.unset("activeKey"), Updates.unset("scoringKey"), Updates.set("correctCount", 3),
						Updates.set("durationMillis", 61_000L), Updates.set("prediction", null),
						Updates.set("autoClosed", false), Updates.set("flags", List.of("fast")),
						Updates.set("answers", new Document("q1", "C").append("q2", "B")),
						Updates.pushEach("outbox", List.of(event("e1"), event("e2"))))),
				// The relay's removal of a published event; nothing left to remove; a single push.
				c -> updateOne(c, Filters.eq("_id", "a1"), Updates.pull("outbox", Filters.eq("eventId", "e1"))),
				c -> updateOne(c, Filters.eq("_id", "a1"), Updates.pull("outbox", Filters.eq("eventId", "e1"))),
				c -> updateOne(c, Filters.eq("_id", "a3"), Updates.push("outbox", event("e3"))),
				// The freed key taken by another document, which the index then finds; a duplicate refused.
				c -> updateOne(c, Filters.eq("_id", "a3"), Updates.set("openId", "a1")),
				c -> updateOne(c, Filters.eq("openId", "a1"), Updates.set("found", "a3")),
				c -> updateOne(c, Filters.eq("_id", "a3"), Updates.set("openId", "a2")),
				c -> c.find(Filters.eq("openId", "a1")).first(),
				// Equal values change nothing: a long over the same int, the same subdocument, an absent field unset.
				c -> updateOne(c, Filters.eq("_id", "a1"), Updates.set("correctCount", 3L)),
				c -> updateOne(c, Filters.eq("_id", "a1"), Updates.set("answers", new Document("q1", "C").append("q2", "B"))),
				c -> updateOne(c, Filters.eq("_id", "a1"), Updates.combine(Updates.unset("nothing.here"), Updates.unset("none"))),
				c -> updateOne(c, Filters.and(Filters.eq("_id", "a2"), Filters.eq("n", 0)), Updates.set("x", "y")),
				// Handed back: a push onto a value that is no array, the immutable _id, an upsert, a sort, a removal.
				c -> updateOne(c, Filters.eq("_id", "a1"), Updates.push("status", "x")),
				c -> updateOne(c, Filters.eq("_id", "a1"), Updates.set("_id", "z")),
				c -> c.findOneAndUpdate(Filters.and(Filters.eq("_id", "n2"), Filters.eq("openId", "n2")), Updates.set("x", "y"),
						new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)),
				c -> c.findOneAndUpdate(Filters.eq("_id", "a2"), Updates.set("x", "z"),
						new FindOneAndUpdateOptions().sort(Indexes.descending("_id"))),
				c -> c.findOneAndDelete(Filters.eq("_id", "n2")));

		MongoServer stock = new MongoServer(new MemoryBackend());
		MongoServer snapshot = new MongoServer(new SnapshotMemoryBackend());
		try (MongoClient expectedClient = MongoClients.create("mongodb://" + hostAndPort(stock));
				MongoClient actualClient = MongoClients.create("mongodb://" + hostAndPort(snapshot))) {
			MongoCollection<Document> expected = seeded(expectedClient);
			MongoCollection<Document> actual = seeded(actualClient);
			for (int i = 0; i < steps.size(); i++) {
				Object want = outcome(steps.get(i), expected);
				Object got = outcome(steps.get(i), actual);
				assertThat(got).as("step %d", i).isEqualTo(want);
				assertThat(json(all(actual))).as("documents after step %d", i).isEqualTo(json(all(expected)));
			}
			Document a1 = actual.find(Filters.eq("_id", "a1")).first();
			assertThat(a1.get("answers", Document.class)).isEqualTo(new Document("q1", "C").append("q2", "B"));
			assertThat(a1).containsEntry("status", "SUBMITTED").doesNotContainKeys("openId", "scoringKey");
			assertThat(a1.getList("outbox", Document.class)).extracting(e -> e.get("eventId")).containsExactly("e2");
			assertThat(actual.find(Filters.eq("_id", "a3")).first()).containsEntry("found", "a3");
			assertThat(a1.get("answeredAt", Document.class)).containsEntry("q1", T1);
			assertThat(a1.getInteger("answerVersion")).isEqualTo(5);
			assertThat(actual.find(Filters.eq("_id", "a2")).first().get("n")).isEqualTo(Integer.MAX_VALUE + 1L);
		}
		finally {
			stock.shutdown();
			snapshot.shutdown();
		}
	}

	/**
	 * The differential test above passes as well when everything goes the stock way: here, each of
	 * the quiz's writes is applied by the stand-in itself, and the shapes it must hand back are.
	 */
	@Test
	void appliesTheQuizWritesItselfAndHandsBackTheRest() {
		SnapshotMemoryBackend backend = new SnapshotMemoryBackend();
		MongoServer server = new MongoServer(backend);
		try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server))) {
			seeded(client);
			var attempts = (SnapshotMemoryBackend.SnapshotCollection) backend.resolveDatabase("test")
				.resolveCollection("attempts", true);
			Instant at = T2.toInstant();
			var answerSave = update("$set", doc("answers.q1", "A"), "$min", doc("answeredAt.q1", at), "$inc",
					doc("answerVersion", 1));
			assertThat(attempts.applyByUniqueKey(doc("openId", "a1"), answerSave).modified()).isTrue();
			var closeSheet = update("$unset", doc("openId", ""), "$set", doc("closedAt", at));
			assertThat(attempts.applyByUniqueKey(doc("openId", "a2"), closeSheet).modified()).isTrue();
			var score = update("$set", doc("status", "SUBMITTED").append("correctCount", 3).append("prediction", null)
				.append("flags", List.of()).append("answers", doc("q1", "A")), "$unset", doc("activeKey", ""),
					"$push", doc("outbox", doc("$each", List.of(doc("eventId", "e1")))));
			assertThat(attempts.applyByUniqueKey(doc("_id", "a1"), score).modified()).isTrue();
			var relay = update("$pull", doc("outbox", doc("eventId", "e1")));
			assertThat(attempts.applyByUniqueKey(doc("_id", "a1"), relay).modified()).isTrue();
			assertThat(attempts.applyByUniqueKey(doc("_id", "a1"), relay).modified()).isFalse();
			assertThat(attempts.applyByUniqueKey(doc("openId", "gone"), answerSave)).isEqualTo(SnapshotMemoryBackend.Applied.NOTHING);
			// Handed back to the stock path: it raises the error, or applies what is not handled here.
			assertThat(attempts.applyByUniqueKey(doc("_id", "a1"), update("$push", doc("status", "x")))).isNull();
			assertThat(attempts.applyByUniqueKey(doc("_id", "a1"), update("$set", doc("_id", "z")))).isNull();
			assertThat(attempts.applyByUniqueKey(doc("_id", "a1"), update("$set", doc("paper.0.id", "q9")))).isNull();
			assertThat(attempts.applyByUniqueKey(doc("_id", "a1"), update("$addToSet", doc("flags", "x")))).isNull();
			assertThat(attempts.applyByUniqueKey(doc("_id", "a3"), update("$set", doc("openId", "a1")))).isNull();
			assertThat(attempts.applyByUniqueKey(doc("_id", "a1"), doc("replaced", true))).isNull();
			assertThat(attempts.applyByUniqueKey(doc("status", "SUBMITTED"), answerSave)).isNull();

			// Stored documents share their field names and short strings, whichever write brought them.
			var a1 = attempts.queryAllAsStream().filter(d -> "a1".equals(d.get("_id"))).findFirst().orElseThrow();
			var a2 = attempts.queryAllAsStream().filter(d -> "a2".equals(d.get("_id"))).findFirst().orElseThrow();
			assertThat(sameInstance(a1, a2, "answers")).isTrue();
			var a1Answers = (de.bwaldvogel.mongo.bson.Document) a1.get("answers");
			var a2Answers = (de.bwaldvogel.mongo.bson.Document) a2.get("answers");
			assertThat(a1Answers.get("q1")).isSameAs(a2Answers.get("q1")).isEqualTo("A");
			assertThat(sameInstance(a1Answers, a2Answers, "q1")).isTrue();
		}
		finally {
			server.shutdown();
		}
	}

	/** True when both documents hold the field under the same string object. */
	private static boolean sameInstance(de.bwaldvogel.mongo.bson.Document a, de.bwaldvogel.mongo.bson.Document b,
			String field) {
		String inA = a.keySet().stream().filter(field::equals).findFirst().orElseThrow();
		String inB = b.keySet().stream().filter(field::equals).findFirst().orElseThrow();
		return inA == inB;
	}

	private static de.bwaldvogel.mongo.bson.Document doc(String key, Object value) {
		return new de.bwaldvogel.mongo.bson.Document(key, value);
	}

	private static de.bwaldvogel.mongo.bson.Document update(Object... operatorsAndFields) {
		var update = new de.bwaldvogel.mongo.bson.Document();
		for (int i = 0; i < operatorsAndFields.length; i += 2) {
			update.put((String) operatorsAndFields[i], operatorsAndFields[i + 1]);
		}
		return update;
	}

	private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

	private static Document event(String id) {
		return new Document("eventId", id).append("topic", "cchc.quiz").append("payload", new Document("n", 1));
	}

	private static Bson answer(String question, String option, Date at) {
		return Updates.combine(Updates.set("answers." + question, option), Updates.min("answeredAt." + question, at),
				Updates.inc("answerVersion", 1));
	}

	private static List<Long> updateOne(MongoCollection<Document> collection, Bson filter, Bson update) {
		var result = collection.updateOne(filter, update);
		return List.of(result.getMatchedCount(), result.getModifiedCount());
	}

	/** What a step returned, or the error code it failed with. */
	private static Object outcome(Function<MongoCollection<Document>, Object> step, MongoCollection<Document> collection) {
		try {
			Object result = step.apply(collection);
			// Field order matters too: compare documents as their JSON.
			return result instanceof Document document ? document.toJson() : result;
		}
		catch (MongoException ex) {
			return "error " + ex.getCode();
		}
	}

	private static MongoCollection<Document> seeded(MongoClient client) {
		MongoCollection<Document> attempts = client.getDatabase("test").getCollection("attempts");
		attempts.createIndex(Indexes.ascending("openId"), new IndexOptions().unique(true).sparse(true));
		attempts.createIndex(Indexes.ascending("scoringKey"), new IndexOptions().unique(true).sparse(true));
		attempts.insertMany(List.of(
				new Document("_id", "a1").append("openId", "a1").append("answers", new Document())
					.append("answeredAt", new Document()).append("answerVersion", 0)
					.append("paper", List.of(new Document("id", "q1").append("options", List.of("A", "B")))),
				new Document("_id", "a2").append("openId", "a2").append("n", Integer.MAX_VALUE)
					.append("answers", new Document("q1", "A")).append("list", List.of(1, 2)),
				new Document("_id", "a3")));
		return attempts;
	}

	private static List<Document> all(MongoCollection<Document> collection) {
		return collection.find().sort(Indexes.ascending("_id")).into(new ArrayList<>());
	}

	private static List<String> json(List<Document> documents) {
		return documents.stream().map(Document::toJson).toList();
	}

	private static String hostAndPort(MongoServer server) {
		var address = server.bind();
		return address.getHostString() + ":" + address.getPort();
	}

}
