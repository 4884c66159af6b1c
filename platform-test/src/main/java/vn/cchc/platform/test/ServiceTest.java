package vn.cchc.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service started for real on a random port with an embedded Kafka broker (KRaft) and the
 * embedded MongoDB; only the JWT key source is the test's. Outbox polling is fast so tests wait
 * less.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"cchc.outbox.poll-interval=50ms", "logging.structured.format.console=" })
@EmbeddedKafka(partitions = 1)
@ContextConfiguration(initializers = EmbeddedMongo.class)
@Import(TestSecurityConfiguration.class)
public @interface ServiceTest {

}
