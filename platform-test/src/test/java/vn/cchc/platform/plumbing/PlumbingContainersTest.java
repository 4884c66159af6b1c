package vn.cchc.platform.plumbing;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.cchc.platform.test.TestSecurityConfiguration;

/**
 * The same contract on a real Apache Kafka broker and a real MongoDB replica set. Skipped where
 * there is no Docker engine; {@link PlumbingTest} is its twin that runs everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = "cchc.outbox.poll-interval=50ms")
@Import(TestSecurityConfiguration.class)
class PlumbingContainersTest extends PlumbingContract {

	@Container
	static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

	@Container
	static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

	@DynamicPropertySource
	static void containers(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
		registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("plumbing"));
	}

}
