package vn.cchc.local;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
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
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.NumericUtils;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
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
 * stock backend scans the collection, holding its lock). Applies the quiz's kind of update and
 * {@code findAndModify} (one document by a unique key, with the common operators) itself, copying
 * only what it changes ({@link SnapshotCollection#applyByUniqueKey}). Also answers {@code hello} like
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

		/** The strings this collection stores, shared between its documents ({@link StringTable}). */
		private final StringTable strings = new StringTable();

		/**
		 * Stores its own copy of an inserted document, so the inserter's object is never shared; its
		 * field names and short strings are those of the documents stored before ({@link StringTable}).
		 */
		@Override
		protected Integer addDocumentInternal(Document document) {
			Integer position = super.addDocumentInternal((Document) this.strings.copy(document));
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
		 * Applies an update of one document found by a unique key ({@link #applyByUniqueKey}) itself;
		 * anything else, and every error, goes the stock way.
		 */
		@Override
		public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
				boolean multi, boolean upsert, Oplog oplog) {
			Applied applied = multi || !arrayFilters.isEmpty() || !(oplog instanceof NoopOplog) ? null
					: applyByUniqueKey(selector, update);
			if (applied == null || (applied.before() == null && upsert)) {
				return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
			}
			return new Document("n", applied.before() == null ? 0 : 1).append("nModified", applied.modified() ? 1 : 0);
		}

		/**
		 * The same for {@code findAndModify} (closing an answer sheet or an attempt): without a sort,
		 * a projection, array filters or a removal, and with the stock command's response.
		 */
		@Override
		public synchronized Document findAndModify(Document command) {
			boolean plain = command.get("remove") == null && command.get("arrayFilters") == null
					&& command.get("query") instanceof Document && isEmptyOrAbsent(command.get("sort"))
					&& isEmptyOrAbsent(command.get("fields"));
			Applied applied = plain ? applyByUniqueKey((Document) command.get("query"), command.get("update")) : null;
			if (applied == null || (applied.before() == null && Utils.isTrue(command.get("upsert")))) {
				return super.findAndModify(command);
			}
			Document result = new Document();
			if (applied.before() != null) {
				result.put("lastErrorObject", new Document("updatedExisting", Boolean.TRUE).append("n", 1));
			}
			result.put("value", applied.before() == null ? null
					: Utils.isTrue(command.get("new")) ? applied.after() : applied.before());
			Utils.markOkay(result);
			return result;
		}

		/** An empty projection returns the whole document, and an empty sort sorts nothing. */
		private static boolean isEmptyOrAbsent(Object value) {
			return value == null || value instanceof Document document && document.isEmpty();
		}

		/**
		 * Applies an update of one document found by a unique key (a string): every write of the quiz's
		 * attempts and answer sheets (the answer save, closing, scoring, the outbox's push and pull).
		 * The stored document is copied shallowly, and so is each subdocument on an updated path; the
		 * rest is shared with the version it replaces (stored documents are never changed), and the
		 * values the update brings are copied with their strings shared ({@link StringTable}). Indexes on an updated field are checked and updated as the stock
		 * path does. The stock path deep-copies the whole document twice, splits each path with a
		 * regular expression and checks every index: with only the answer save applied here, the rest of
		 * the attempt's writes were still three quarters of what the stand-in allocated (docs/benchmarks.md,
		 * thirteenth pass). Returns null for the stock path to apply it: several documents or an upsert
		 * that matches nothing (callers), operators other than {@code $set}, {@code $unset},
		 * {@code $inc}, {@code $min} (of a date), {@code $push} (a value or {@code $each} alone) and
		 * {@code $pull}, positional or array paths, {@code _id}, conflicting paths, a value of another type
		 * on the path, and every error (a duplicate key included), which the stock path then raises.
		 */
		Applied applyByUniqueKey(Document selector, Object update) {
			if (!(update instanceof Document operations)) {
				return null;
			}
			List<FieldChange> changes = FieldChange.parse(operations, getIdField());
			if (changes == null) {
				return null;
			}
			for (Map.Entry<String, Object> field : selector.entrySet()) {
				Index<Integer> index = field.getValue() instanceof String ? uniqueIndexOn(field.getKey()) : null;
				if (index != null) {
					Integer position = index.getPosition(new Document(field.getKey(), field.getValue()));
					return position == null ? Applied.NOTHING : apply(selector, changes, position);
				}
			}
			return null;
		}

		/** Applies the changes to the document at {@code position} if it matches the selector. */
		private Applied apply(Document selector, List<FieldChange> changes, Integer position) {
			Document stored = getDocument(position);
			if (stored == null || !documentMatchesQuery(stored, selector)) {
				return null;
			}
			Document updated = new Document(stored);
			Set<Document> copies = Collections.newSetFromMap(new IdentityHashMap<>());
			try {
				for (FieldChange change : changes) {
					change.applyTo(updated, copies, this.strings);
				}
			}
			catch (Unsupported ex) {
				return null;
			}
			if (updated.equals(stored)) {
				return new Applied(stored, stored);
			}
			List<Index<Integer>> touched = indexesOn(changes);
			try {
				for (Index<Integer> index : touched) {
					index.checkUpdate(stored, updated, this);
				}
			}
			catch (MongoServerError ex) {
				return null;
			}
			for (Index<Integer> index : touched) {
				index.updateInPlace(stored, updated, position, this);
			}
			handleUpdate(position, stored, updated);
			return new Applied(stored, updated);
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

		/** The indexes with a key under a field the changes update (the others' keys stay the same). */
		private List<Index<Integer>> indexesOn(List<FieldChange> changes) {
			Set<String> fields = new HashSet<>();
			changes.forEach(change -> fields.add(change.path()[0]));
			List<Index<Integer>> touched = new ArrayList<>();
			for (Index<Integer> index : getIndexes()) {
				if (index.getKeys().stream().anyMatch(key -> fields.contains(key.getKey().split("\\.", 2)[0]))) {
					touched.add(index);
				}
			}
			return touched;
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
	 * A lossy table of the short strings a collection stores, so that its documents share them: every
	 * field name, id and option key arrives as a new string in each command, and kept as they came,
	 * strings were 57 % of the stand-in's live heap after a benchmark run (17 million of them; most
	 * of what its young collections copy is what a write keeps). One slot per hash: a string found in
	 * its slot is shared, any other takes the slot. Used under the collection's lock.
	 */
	static final class StringTable {

		/** Longer strings (the outbox's event payloads) are seldom repeated. */
		private static final int MAX_LENGTH = 48;

		private final String[] slots = new String[1 << 14];

		String canonical(String string) {
			if (string.length() > MAX_LENGTH) {
				return string;
			}
			int hash = string.hashCode();
			int slot = (hash ^ (hash >>> 16)) & (this.slots.length - 1);
			String known = this.slots[slot];
			if (string.equals(known)) {
				return known;
			}
			this.slots[slot] = string;
			return string;
		}

		/** A deep copy of a value, as {@link Document#cloneDeeply()} makes it, with its strings shared. */
		Object copy(Object value) {
			if (value instanceof Document document) {
				Document copy = new Document();
				for (Map.Entry<String, Object> field : document.entrySet()) {
					copy.put(canonical(field.getKey()), copy(field.getValue()));
				}
				return copy;
			}
			if (value instanceof List<?> list) {
				List<Object> copy = new ArrayList<>(list.size());
				for (Object element : list) {
					copy.add(copy(element));
				}
				return copy;
			}
			if (value instanceof Set<?> set) {
				Set<Object> copy = new LinkedHashSet<>();
				for (Object element : set) {
					copy.add(copy(element));
				}
				return copy;
			}
			return value instanceof String string ? canonical(string) : value;
		}

	}

	/**
	 * What {@link SnapshotCollection#applyByUniqueKey} did: the stored document before and after
	 * (the same when nothing changed), or {@link #NOTHING} when the key matched no document.
	 */
	record Applied(Document before, Document after) {

		static final Applied NOTHING = new Applied(null, null);

		boolean modified() {
			return this.before != this.after;
		}

	}

	/** A change the stand-in does not apply itself: the stock path applies the whole update. */
	static final class Unsupported extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Unsupported() {
			super(null, null, false, false);
		}

	}

	/**
	 * One change of a dotted path, as {@link SnapshotCollection#applyByUniqueKey} applies it: the stock
	 * backend's semantics (its {@code FieldUpdates}) for {@code $set}, {@code $unset}, {@code $inc} (by
	 * an int, long or double), {@code $min} (of a date), {@code $push} (one value, or {@code $each}
	 * without other modifiers) and {@code $pull} (the stock matcher decides), on plain subdocuments.
	 */
	record FieldChange(String operator, String[] path, Object value) {

		/** The stock backend's equality for {@code $set}: numbers by value, null like missing. */
		private static final MethodHandle NULL_AWARE_EQUALS;

		private static final QueryMatcher MATCHER = new DefaultQueryMatcher();

		static {
			try {
				NULL_AWARE_EQUALS = MethodHandles.privateLookupIn(Utils.class, MethodHandles.lookup())
					.findStatic(Utils.class, "nullAwareEquals", MethodType.methodType(boolean.class, Object.class, Object.class));
			}
			catch (ReflectiveOperationException ex) {
				throw new ExceptionInInitializerError(ex);
			}
		}

		/** The changes of an update, or null when it has another shape. */
		static List<FieldChange> parse(Document update, String idField) {
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
						case "$set", "$unset", "$pull" -> true;
						case "$inc" -> value instanceof Integer || value instanceof Long || value instanceof Double;
						case "$min" -> value instanceof Instant;
						case "$push" -> !(value instanceof Document modifiers) || !hasOperator(modifiers)
								|| modifiers.size() == 1 && modifiers.get("$each") instanceof List;
						default -> false;
					};
					String[] path = field.getKey().split("\\.", -1);
					if (!supported || !validPath(path) || path[0].equals(idField)) {
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

		private static boolean hasOperator(Document document) {
			return document.keySet().stream().anyMatch(key -> key.startsWith("$"));
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
		 * on the path unless it is in {@code copies} already. Throws {@link Unsupported} when the
		 * document has another shape on the path (the stock path then decides, errors included).
		 */
		void applyTo(Document document, Set<Document> copies, StringTable strings) {
			boolean removes = this.operator.equals("$unset") || this.operator.equals("$pull");
			Document parent = document;
			for (int i = 0; i < this.path.length - 1; i++) {
				Object child = parent.get(this.path[i]);
				Document copy;
				if (child instanceof Document existing) {
					copy = copies.contains(existing) ? existing : new Document(existing);
				}
				else if (child == null && !parent.containsKey(this.path[i])) {
					if (removes) {
						return;
					}
					copy = new Document();
				}
				else {
					throw new Unsupported();
				}
				copies.add(copy);
				parent.put(strings.canonical(this.path[i]), copy);
				parent = copy;
			}
			String leaf = strings.canonical(this.path[this.path.length - 1]);
			boolean present = parent.containsKey(leaf);
			Object old = parent.get(leaf);
			switch (this.operator) {
				case "$set" -> {
					if (!present || !nullAwareEquals(this.value, old)) {
						parent.put(leaf, strings.copy(this.value));
					}
				}
				case "$unset" -> parent.remove(leaf);
				case "$inc" -> {
					if (present && !(old instanceof Integer || old instanceof Long || old instanceof Double)) {
						throw new Unsupported();
					}
					parent.put(leaf, NumericUtils.addNumbers(present ? (Number) old : Integer.valueOf(0), (Number) this.value));
				}
				case "$min" -> {
					if (present && !(old instanceof Instant)) {
						throw new Unsupported();
					}
					if (!present || ((Instant) this.value).isBefore((Instant) old)) {
						parent.put(leaf, this.value);
					}
				}
				case "$push" -> {
					if (old != null && !(old instanceof List)) {
						throw new Unsupported();
					}
					List<Object> list = old == null ? new ArrayList<>() : new ArrayList<>((List<?>) old);
					if (this.value instanceof Document modifiers && modifiers.containsKey("$each")) {
						for (Object element : (List<?>) modifiers.get("$each")) {
							list.add(strings.copy(element));
						}
					}
					else {
						list.add(strings.copy(this.value));
					}
					parent.put(leaf, list);
				}
				case "$pull" -> {
					if (old == null) {
						return;
					}
					if (!(old instanceof List<?> elements)) {
						throw new Unsupported();
					}
					List<Object> kept = new ArrayList<>(elements);
					if (kept.removeIf(element -> MATCHER.matchesValue(this.value, element))) {
						parent.put(leaf, kept);
					}
				}
				default -> throw new Unsupported();
			}
		}

		private static boolean nullAwareEquals(Object a, Object b) {
			try {
				return (boolean) NULL_AWARE_EQUALS.invokeExact(a, b);
			}
			catch (Throwable ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
