package vn.cchc.local;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.NumericUtils;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
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
 * stock backend scans the collection, holding its lock). Applies the answer save's kind of update
 * (one document by a unique key, fields set, raised or lowered outside every index) itself, copying
 * only what it changes ({@link SnapshotCollection#updateDocuments}). Also answers {@code hello} like
 * the legacy {@code isMaster} (see {@link EmbeddedMongoMain.HelloAwareH2Backend}).
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
		 * Applies an update of one document found by a unique key that only sets, increments or lowers
		 * ({@code $set}, {@code $inc}, {@code $min}) fields outside every index: the answer save,
		 * {@code {openId: id}} with {@code answers.<q>}, {@code answeredAt.<q>} and {@code answerVersion}.
		 * The stored document is copied shallowly, and so is each subdocument on an updated path; the
		 * rest is shared with the version it replaces (stored documents are never changed). The stock
		 * path deep-copies the whole document twice, splits each path with a regular expression and
		 * checks every index: two thirds of the stand-in's CPU at 2,000 answers/s; without it the stand-in
		 * allocates ~40 % less (docs/benchmarks.md, twelfth pass). Anything else (several documents, an upsert
		 * that matches nothing, array filters, positional or array paths, indexed fields, other operators
		 * or value types, conflicting paths, an oplog) goes the stock way, which also raises its errors.
		 */
		@Override
		public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
				boolean multi, boolean upsert, Oplog oplog) {
			Document result = multi || !arrayFilters.isEmpty() || !(oplog instanceof NoopOplog) ? null
					: updateByUniqueKey(selector, update, upsert);
			return result != null ? result : super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
		}

		/** The update's result as the stock path builds it, or null when the stock path must apply it. */
		private Document updateByUniqueKey(Document selector, Document update, boolean upsert) {
			List<FieldChange> changes = FieldChange.parse(update);
			if (changes == null || selector.size() != 1) {
				return null;
			}
			Map.Entry<String, Object> key = selector.entrySet().iterator().next();
			Index<Integer> index = uniqueIndexOn(key.getKey());
			if (!(key.getValue() instanceof String) || index == null || touchesIndexedField(changes)) {
				return null;
			}
			Integer position = index.getPosition(selector);
			if (position == null) {
				return upsert ? null : result(0, false);
			}
			Document stored = getDocument(position);
			if (stored == null || !documentMatchesQuery(stored, selector)) {
				return null;
			}
			Document updated = stored.clone();
			Set<Document> copies = Collections.newSetFromMap(new IdentityHashMap<>());
			boolean changed = false;
			for (FieldChange change : changes) {
				Boolean applied = change.applyTo(updated, copies);
				if (applied == null) {
					return null;
				}
				changed |= applied;
			}
			if (changed) {
				handleUpdate(position, stored, updated);
			}
			return result(1, changed);
		}

		private static Document result(int matched, boolean modified) {
			return new Document("n", matched).append("nModified", modified ? 1 : 0);
		}

		private Index<Integer> uniqueIndexOn(String field) {
			for (Index<Integer> index : getIndexes()) {
				List<IndexKey> keys = index.getKeys();
				if (index.isUnique() && keys.size() == 1 && keys.get(0).getKey().equals(field)) {
					return index;
				}
			}
			return null;
		}

		private boolean touchesIndexedField(List<FieldChange> changes) {
			for (FieldChange change : changes) {
				if (change.path()[0].equals(getIdField())) {
					return true;
				}
				for (Index<Integer> index : getIndexes()) {
					for (IndexKey key : index.getKeys()) {
						String indexed = key.getKey();
						int dot = indexed.indexOf('.');
						if ((dot < 0 ? indexed : indexed.substring(0, dot)).equals(change.path()[0])) {
							return true;
						}
					}
				}
			}
			return false;
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

	/**
	 * One {@code $set} (of a string, boolean or date), {@code $inc} (by an int, long or double) or
	 * {@code $min} (of a date) of a dotted path, as {@link SnapshotCollection#updateDocuments} applies
	 * it; the stock backend's semantics for these (FieldUpdates), on plain subdocuments.
	 */
	record FieldChange(String operator, String[] path, Object value) {

		/** The changes of an update, or null when it has another shape. */
		static List<FieldChange> parse(Document update) {
			if (update.isEmpty()) {
				return null;
			}
			List<FieldChange> changes = new ArrayList<>();
			for (Map.Entry<String, Object> operation : update.entrySet()) {
				String operator = operation.getKey();
				if (!(operation.getValue() instanceof Document fields) || fields.isEmpty()) {
					return null;
				}
				for (Map.Entry<String, Object> field : fields.entrySet()) {
					Object value = field.getValue();
					boolean supported = switch (operator) {
						case "$set" -> value instanceof String || value instanceof Boolean || value instanceof Instant;
						case "$inc" -> value instanceof Integer || value instanceof Long || value instanceof Double;
						case "$min" -> value instanceof Instant;
						default -> false;
					};
					String[] path = field.getKey().split("\\.", -1);
					if (!supported || !validPath(path)) {
						return null;
					}
					changes.add(new FieldChange(operator, path, value));
				}
			}
			for (int i = 0; i < changes.size(); i++) {
				for (int j = i + 1; j < changes.size(); j++) {
					if (prefixOfOther(changes.get(i).path, changes.get(j).path)) {
						return null;
					}
				}
			}
			return changes;
		}

		private static boolean validPath(String[] path) {
			for (String segment : path) {
				if (segment.isEmpty() || segment.charAt(0) == '$') {
					return false;
				}
			}
			return true;
		}

		private static boolean prefixOfOther(String[] a, String[] b) {
			for (int i = 0; i < Math.min(a.length, b.length); i++) {
				if (!a[i].equals(b[i])) {
					return false;
				}
			}
			return true;
		}

		/**
		 * Applies this change to {@code document} (a copy of the stored one), copying each subdocument
		 * on the path unless it is in {@code copies} already; true when a value changed, false when not,
		 * null when the document has another shape on the path (the stock path then decides).
		 */
		Boolean applyTo(Document document, Set<Document> copies) {
			Document parent = document;
			for (int i = 0; i < this.path.length - 1; i++) {
				Object child = parent.get(this.path[i]);
				Document copy;
				if (child instanceof Document existing) {
					copy = copies.contains(existing) ? existing : existing.clone();
				}
				else if (child == null && !parent.containsKey(this.path[i])) {
					copy = new Document();
				}
				else {
					return null;
				}
				copies.add(copy);
				parent.put(this.path[i], copy);
				parent = copy;
			}
			String leaf = this.path[this.path.length - 1];
			boolean present = parent.containsKey(leaf);
			Object old = parent.get(leaf);
			Object next;
			switch (this.operator) {
				case "$set" -> {
					if (present && this.value.equals(old)) {
						return false;
					}
					next = this.value;
				}
				case "$inc" -> {
					if (present && !(old instanceof Integer || old instanceof Long || old instanceof Double)) {
						return null;
					}
					next = NumericUtils.addNumbers(present ? (Number) old : Integer.valueOf(0), (Number) this.value);
				}
				case "$min" -> {
					if (present && !(old instanceof Instant)) {
						return null;
					}
					if (present && !((Instant) this.value).isBefore((Instant) old)) {
						return false;
					}
					next = this.value;
				}
				default -> {
					return null;
				}
			}
			parent.put(leaf, next);
			return !present || !next.equals(old);
		}

	}

}
