package vn.cchc.local;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

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
 * same document could fail with a {@code ConcurrentModificationException} (seen in CI). Here a
 * stored document is never changed once stored (copy on write): an update is applied to a copy
 * and the copy replaces the stored document under the collection's lock, so a {@code find} can
 * hand out the stored documents themselves, and the documents it returned stay as they were while
 * they are encoded. Only the commands that change what they match get copies (shallow: the server
 * builds every updated value anew), and the rest (aggregations, whose stages may change nested
 * documents in place) get deep copies as before. Answers {@code {path: {$exists: true}}} searches
 * from the documents that match, kept current on every write, as MongoDB's sparse index does (the
 * stock backend scans the collection, holding its lock). Also answers {@code hello} like the legacy
 * {@code isMaster} (see {@link EmbeddedMongoMain.HelloAwareH2Backend}).
 */
final class SnapshotMemoryBackend extends MemoryBackend {

	/** What the command running on this thread may do with the documents it matches. */
	private static final ThreadLocal<Results> RESULTS = ThreadLocal.withInitial(() -> Results.DEEP_COPIES);

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
		Results previous = RESULTS.get();
		RESULTS.set(Results.of(command));
		try {
			return super.handleCommand(channel, database, command, query);
		}
		finally {
			RESULTS.set(previous);
		}
	}

	private enum Results {

		/** {@code find}: only encodes them, so the stored (never changed) documents themselves. */
		STORED,
		/** {@code update}, {@code findAndModify}, {@code delete}: replaces their top-level fields. */
		SHALLOW_COPIES,
		/** Anything else, aggregations included: may change them anywhere. */
		DEEP_COPIES;

		static Results of(String command) {
			return switch (command.toLowerCase(Locale.ROOT)) {
				case "find" -> STORED;
				case "update", "findandmodify", "delete" -> SHALLOW_COPIES;
				default -> DEEP_COPIES;
			};
		}

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

		/**
		 * Per {@code {path: {$exists: true}}} query seen, the positions of the documents it matches.
		 * The outbox relays search for pending messages with one every few seconds; on a collection of
		 * 70,000 attempts the scan held the collection's lock ~100 ms, every start and submit waiting.
		 * Built by one scan on first use, then kept by every insert, update and removal (all of which,
		 * like queries, run under the collection's lock).
		 */
		private final Map<Document, NavigableSet<Integer>> exists = new HashMap<>();

		/** {@link MemoryCollection}'s stored documents, by position (private there, no setter). */
		private static final VarHandle DOCUMENTS;

		static {
			try {
				DOCUMENTS = MethodHandles.privateLookupIn(MemoryCollection.class, MethodHandles.lookup())
					.findVarHandle(MemoryCollection.class, "documents", List.class);
			}
			catch (ReflectiveOperationException ex) {
				throw new ExceptionInInitializerError(ex);
			}
		}

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
			Integer position = super.addDocumentInternal(document.cloneDeeply());
			track(position, getDocument(position));
			return position;
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			if (!isExistsQuery(query)) {
				return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
			}
			NavigableSet<Integer> matching = this.exists.computeIfAbsent(query.cloneDeeply(), q -> {
				NavigableSet<Integer> positions = new TreeSet<>();
				streamAllDocumentsWithPosition().filter(d -> documentMatchesQuery(d.getDocument(), q))
					.forEach(d -> positions.add(d.getPosition()));
				return positions;
			});
			// The matcher still runs on each one: the positions only spare the scan.
			return matchDocuments(query, List.copyOf(matching), orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}

		static boolean isExistsQuery(Document query) {
			if (query.size() != 1) {
				return false;
			}
			var only = query.entrySet().iterator().next();
			return !only.getKey().startsWith("$") && only.getValue() instanceof Document condition
					&& condition.size() == 1 && Boolean.TRUE.equals(condition.get("$exists"));
		}

		private void track(Integer position, Document document) {
			this.exists.forEach((query, positions) -> {
				if (documentMatchesQuery(document, query)) {
					positions.add(position);
				}
				else {
					positions.remove(position);
				}
			});
		}

		@Override
		protected void removeDocument(Integer position) {
			this.exists.values().forEach(positions -> positions.remove(position));
			super.removeDocument(position);
		}

		/** The matched documents, copied as the running command needs ({@link Results}). */
		@Override
		protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
			List<Document> results = switch (RESULTS.get()) {
				case STORED -> matchedDocuments;
				case SHALLOW_COPIES -> matchedDocuments.stream().map(Document::clone).toList();
				case DEEP_COPIES -> matchedDocuments.stream().map(Document::cloneDeeply).toList();
			};
			return super.createQueryResult(results, batchSize);
		}

		/**
		 * The server updated a shallow copy, setting every field to a value it built anew: the copy
		 * replaces the stored document, which readers may still be encoding.
		 */
		@Override
		@SuppressWarnings("unchecked")
		protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
			List<Document> documents = (List<Document>) DOCUMENTS.get(this);
			if (documents.get(position) == newDocument) {
				throw new IllegalStateException("A stored document was changed in place: " + getCollectionName());
			}
			documents.set(position, newDocument);
			track(position, newDocument);
			super.handleUpdate(position, oldDocument, newDocument);
		}

	}

}
