package vn.cchc.local;

import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's in-memory backend made safe for concurrent readers and writers. The stock
 * backend hands its live documents to the query result and updates them in place; the result is
 * encoded onto the socket after the collection lock is released, so a read racing a write of the
 * same document could fail with a {@code ConcurrentModificationException} (seen in CI). Here every
 * query result is a deep copy taken under the lock, and an update, which the server applies to
 * that copy, is copied back into the stored document under the same lock: nothing the server
 * stores ever leaves the lock. Also answers {@code hello} like the legacy {@code isMaster} (see
 * {@link EmbeddedMongoMain.HelloAwareH2Backend}).
 */
final class SnapshotMemoryBackend extends MemoryBackend {

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new SnapshotDatabase(databaseName, getCursorRegistry());
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		if ("hello".equalsIgnoreCase(command)) {
			Document response = super.handleCommand(channel, database, "isMaster", query);
			response.put("isWritablePrimary", Boolean.TRUE);
			return response;
		}
		return super.handleCommand(channel, database, command, query);
	}

	private static final class SnapshotDatabase extends MemoryDatabase {

		SnapshotDatabase(String databaseName, CursorRegistry cursorRegistry) {
			super(databaseName, cursorRegistry);
		}

		@Override
		protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
			return new SnapshotCollection(this, collectionName, options, this.cursorRegistry);
		}

	}

	static final class SnapshotCollection extends MemoryCollection {

		SnapshotCollection(MongoDatabase database, String collectionName, CollectionOptions options,
				CursorRegistry cursorRegistry) {
			super(database, collectionName, options, cursorRegistry);
		}

		/**
		 * No running total of the collection's BSON size ({@code collStats}' "size"): keeping it costs
		 * two BSON encodings of the whole document per update, under the collection lock.
		 */
		@Override
		protected boolean tracksDataSize() {
			return false;
		}

		/** Stores its own copy of an inserted document, so the inserter's object is never shared. */
		@Override
		protected Integer addDocumentInternal(Document document) {
			return super.addDocumentInternal(document.cloneDeeply());
		}

		/** Every matched document (for a read, or for an update to modify) as a deep copy. */
		@Override
		protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
			return super.createQueryResult(matchedDocuments.stream().map(Document::cloneDeeply).toList(), batchSize);
		}

		/** The server updated a copy: write it back into the stored document. */
		@Override
		protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
			Document stored = getDocument(position);
			if (stored != newDocument) {
				stored.clear();
				newDocument.cloneInto(stored);
			}
			super.handleUpdate(position, oldDocument, newDocument);
		}

	}

}
