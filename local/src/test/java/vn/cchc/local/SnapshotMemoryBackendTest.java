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
						Document saved = attempts.findOneAndUpdate(Filters.eq("openId", "a1"),
								Updates.combine(Updates.set("answers.q" + writer + "_" + i, "A"), Updates.inc("n", 1)),
								new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
						assertThat(saved.get("answers", Document.class)).containsKey("q" + writer + "_" + i);
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
