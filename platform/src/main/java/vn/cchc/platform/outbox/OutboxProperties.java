package vn.cchc.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often the relay publishes what this instance's writes hinted (read by
 * {@code _id}, see {@link Outbox#written})
 * @param batchSize how many documents one turn takes per collection
 * @param sendTimeout how long the relay waits for Kafka's acknowledgement of a batch
 * @param sweepInterval how often the relay searches whole collections for messages nobody hinted
 * (another instance crashed, or a writer did not hint); the first turn after start always searches
 */
@ConfigurationProperties("cchc.outbox")
public record OutboxProperties(@DefaultValue("100ms") Duration pollInterval, @DefaultValue("500") int batchSize,
		@DefaultValue("15s") Duration sendTimeout, @DefaultValue("10s") Duration sweepInterval) {
}
