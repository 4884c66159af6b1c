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

	private static String hostAndPort(MongoServer server) {
		var address = server.bind();
		return address.getHostString() + ":" + address.getPort();
	}

}
