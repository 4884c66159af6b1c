package vn.cchc.platform.mongo;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads that stay cheap on every MongoDB, the embedded one included.
 */
public final class Lookups {

	private Lookups() {
	}

	/**
	 * Whether a document of {@code type} matches {@code query}: a find of at most one {@code _id}.
	 * {@code MongoOperations.exists} and {@code count} run {@code countDocuments}, which the driver
	 * sends as an aggregation; the embedded MongoDB answers any aggregation by reading (and copying)
	 * the whole collection, never an index, so on a collection of attempts one such check per start
	 * took the local database's whole core. A find on a unique key is an index lookup everywhere.
	 */
	public static boolean exists(MongoOperations mongo, Query query, Class<?> type) {
		Query first = Query.of(query).limit(1);
		first.fields().include("_id");
		return mongo.findOne(first, Document.class, mongo.getCollectionName(type)) != null;
	}

}
