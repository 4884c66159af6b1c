package vn.cchc.awards;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The organiser's decisions on ties that straddle a prize boundary: the tied ids in the decided
 * order, who decided and why. The service's own state: kept across a rebuild of the read models.
 */
@Component
class TieDecisions {

	private final MongoTemplate mongo;

	TieDecisions(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Document("tie_decisions")
	record TieDecision(@Id String id, String contestId, String tieId, List<String> order, String reason,
			String decidedBy, Instant decidedAt) {
	}

	Map<String, List<String>> of(String contestId) {
		return this.mongo.find(Query.query(Criteria.where("contestId").is(contestId)), TieDecision.class)
			.stream()
			.collect(Collectors.toMap(TieDecision::tieId, TieDecision::order));
	}

	void record(TieDecision decision) {
		this.mongo.save(decision);
	}

}
