package vn.cchc.quiz;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ServiceTest;

/**
 * What the quiz-service's API tests share: the running service, its database, Kafka. One
 * configuration for all of them, so they share one application context: a second context starts a
 * second embedded broker, and the brokers' address property then names that one while the first
 * context's relay still publishes to its own.
 */
@ServiceTest
@TestPropertySource(properties = { "cchc.quiz.expiry-sweep-interval=500ms", "cchc.quiz.min-read-millis=300" })
abstract class QuizTestSupport {

	@LocalServerPort
	int port;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	Outbox outbox;

	@Autowired
	AttemptService attempts;

	ApiClient api() {
		return new ApiClient("http://127.0.0.1:" + this.port);
	}

}
