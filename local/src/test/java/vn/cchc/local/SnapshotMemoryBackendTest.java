package vn.cchc.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotMemoryBackendTest {

	@Test
	void concurrentReadersAndWritersOfOneDocumentSeeWholeDocumentsAndNoUpdateIsLost() throws Exception {
		MongoServer server = new MongoServer(new SnapshotMemoryBackend());
		try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server))) {
			MongoCollection<Document> attempts = client.getDatabase("test").getCollection("attempts");
			attempts.createIndex(Indexes.ascending("openId"), new IndexOptions().unique(true).sparse(true));
			attempts.insertOne(new Document("_id", "a1").append("openId", "a1").append("answers", new Document())
				.append("n", 0));
			int writers = 6;
			int writes = 200;
			ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
			List<Future<?>> tasks = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				tasks.add(pool.submit(() -> {
					for (int i = 0; i < writes; i++) {
						var update = Updates.combine(Updates.set("answers.q" + writer + "_" + i, "A"), Updates.inc("n", 1));
						if (writer % 2 == 0) {
							Document saved = attempts.findOneAndUpdate(Filters.eq("openId", "a1"), update,
									new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
							assertThat(saved.get("answers", Document.class)).containsKey("q" + writer + "_" + i);
						}
						else {
							assertThat(attempts.updateOne(Filters.eq("openId", "a1"), update).getModifiedCount()).isEqualTo(1);
						}
					}
					return null;
				}));
			}
			for (int r = 0; r < 2; r++) {
				tasks.add(pool.submit(() -> {
					for (int i = 0; i < writes * 2; i++) {
						Document read = attempts.find(Filters.eq("_id", "a1")).first();
						// A whole document as of one moment: the counter and the answers agree.
						assertThat(read.get("answers", Document.class)).hasSize(read.getInteger("n"));
					}
					return null;
				}));
			}
			for (Future<?> task : tasks) {
				task.get();
			}
			pool.shutdown();
			Document last = attempts.find(Filters.eq("_id", "a1")).first();
			assertThat(last.getInteger("n")).isEqualTo(writers * writes);
			assertThat(last.get("answers", Document.class)).hasSize(writers * writes);
			// The unique key still finds it, and a second document with the same key is refused.
			assertThat(attempts.countDocuments(Filters.eq("openId", "a1"))).isEqualTo(1);
		}
		finally {
			server.shutdown();
		}
	}

	@Test
	void anExistsSearchFindsWhatAScanWouldAfterInsertsUpdatesAndRemovals() {
		MongoServer server = new MongoServer(new SnapshotMemoryBackend());
		try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server))) {
			MongoCollection<Document> attempts = client.getDatabase("test").getCollection("attempts");
			attempts.insertOne(new Document("_id", "before").append("outbox", List.of(new Document("eventId", "e0"))));
			attempts.insertOne(new Document("_id", "plain"));
			// The first search builds the positions; every later one must agree with a scan.
			assertThat(pending(attempts)).containsExactly("before");

			attempts.insertOne(new Document("_id", "after").append("outbox", List.of(new Document("eventId", "e1"))));
			attempts.insertOne(new Document("_id", "empty").append("outbox", List.of()));
			attempts.updateOne(Filters.eq("_id", "plain"), Updates.push("outbox", new Document("eventId", "e2")));
			attempts.updateOne(Filters.eq("_id", "before"), Updates.pull("outbox", new Document("eventId", "e0")));
			assertThat(pending(attempts)).containsExactlyInAnyOrder("after", "plain");

			attempts.deleteOne(Filters.eq("_id", "after"));
			assertThat(pending(attempts)).containsExactly("plain");
			// Likely stored where the removed one was: it must not inherit its place in the search.
			attempts.insertOne(new Document("_id", "reused"));
			assertThat(pending(attempts)).containsExactly("plain");
		}
		finally {
			server.shutdown();
		}
	}

	@Test
	void updatesReplacementsAndAggregationsLeaveTheDocumentsEarlierReadsReturnedAsTheyWere() {
		MongoServer server = new MongoServer(new SnapshotMemoryBackend());
		try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server))) {
			MongoCollection<Document> attempts = client.getDatabase("test").getCollection("attempts");
			attempts.insertOne(new Document("_id", "a1").append("answers", new Document("q1", "A")).append("n", 1));
			// A cursor batch of one keeps the rest of the result, as read, on the server.
			attempts.insertOne(new Document("_id", "a2").append("answers", new Document("q1", "B")).append("n", 1));
			try (var cursor = attempts.find().sort(new Document("_id", 1)).batchSize(1).iterator()) {
				assertThat(cursor.next().getString("_id")).isEqualTo("a1");
				attempts.updateOne(Filters.eq("_id", "a2"), Updates.combine(Updates.set("answers.q1", "C"), Updates.inc("n", 1)));
				assertThat(cursor.next().get("answers", Document.class)).containsEntry("q1", "B");
			}
			assertThat(attempts.find(Filters.eq("_id", "a2")).first().get("answers", Document.class))
				.containsEntry("q1", "C");

			// An aggregation stage that changes a nested document changes its own copy, not the stored one.
			List<Document> added = attempts.aggregate(List.of(new Document("$match", new Document("_id", "a1")),
					new Document("$addFields", new Document("answers", new Document("q9", "D")))))
				.into(new ArrayList<>());
			assertThat(added.getFirst().get("answers", Document.class)).containsEntry("q9", "D");
			assertThat(attempts.find(Filters.eq("_id", "a1")).first().get("answers", Document.class))
				.containsExactlyEntriesOf(new Document("q1", "A"));

			attempts.replaceOne(Filters.eq("_id", "a1"), new Document("answers", new Document("q2", "B")));
			Document replaced = attempts.find(Filters.eq("_id", "a1")).first();
			assertThat(replaced).doesNotContainKey("n");
			assertThat(replaced.get("answers", Document.class)).containsExactlyEntriesOf(new Document("q2", "B"));
			attempts.deleteOne(Filters.eq("_id", "a1"));
			assertThat(attempts.countDocuments()).isEqualTo(1);
		}
		finally {
			server.shutdown();
		}
	}

	/** The pending documents as the tracked search finds them, checked against a scan (another shape). */
	private static List<String> pending(MongoCollection<Document> collection) {
		List<String> found = collection.find(Filters.exists("outbox.eventId")).map(d -> d.getString("_id"))
			.into(new ArrayList<>());
		List<String> scanned = collection.find(Filters.and(Filters.exists("outbox.eventId"), Filters.exists("_id")))
			.map(d -> d.getString("_id")).into(new ArrayList<>());
		assertThat(found).as("same as a scan").containsExactlyInAnyOrderElementsOf(scanned);
		return found;
	}

	private static String hostAndPort(MongoServer server) {
		var address = server.bind();
		return address.getHostString() + ":" + address.getPort();
	}

}
