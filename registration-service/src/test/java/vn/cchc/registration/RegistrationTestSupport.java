package vn.cchc.registration;

import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ServiceTest;
import vn.cchc.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** What the registration-service's API tests share: the running service, its database, a published contest. */
@ServiceTest
abstract class RegistrationTestSupport {

	static final String ORGANIZER = TestTokens.token("org-support", "organizer");

	@LocalServerPort
	int port;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Autowired
	MongoTemplate mongo;

	ApiClient api() {
		return new ApiClient("http://127.0.0.1:" + this.port);
	}

	/** A published contest with units BS-KP1 and BS-KP2 and one quiz round in the given window. */
	String publishedContest(Instant opensAt, Instant closesAt) {
		String id = api().post("/api/registration/contests", ORGANIZER,
				ApiClient.json(RegistrationApiTest.contest(opensAt, closesAt))).json().get("id").asString();
		assertThat(api().post("/api/registration/contests/" + id + "/publish", ORGANIZER, null).status()).isEqualTo(200);
		return id;
	}

	long countIn(String contestId, Class<?> type) {
		return this.mongo.count(Query.query(Criteria.where("contestId").is(contestId)), type);
	}

}
