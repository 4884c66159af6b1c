package vn.cchc.quiz;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ServiceTest;

/** What the quiz-service's API tests share: the running service, its database, Kafka. */
@ServiceTest
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

	ApiClient api() {
		return new ApiClient("http://127.0.0.1:" + this.port);
	}

}
