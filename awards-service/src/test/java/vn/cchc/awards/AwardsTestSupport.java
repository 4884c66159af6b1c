package vn.cchc.awards;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import vn.cchc.contracts.CchcEvent;
import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ServiceTest;
import vn.cchc.platform.test.TestEvents;

/** What the awards-service's tests share: the running service, its database, events onto Kafka. */
@ServiceTest
abstract class AwardsTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	Outbox outbox;

	@Autowired
	MongoTemplate mongo;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	ApiClient api() {
		return new ApiClient("http://127.0.0.1:" + this.port);
	}

	/** Publishes events as the other services would, through the outbox's envelope. */
	void publish(CchcEvent... events) {
		TestEvents.publish(this.kafka, this.outbox, events);
	}

}
