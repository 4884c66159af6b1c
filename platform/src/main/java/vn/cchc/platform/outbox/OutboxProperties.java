package vn.cchc.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often the relay looks for unpublished events
 * @param batchSize how many documents one poll takes per collection
 * @param sendTimeout how long the relay waits for Kafka's acknowledgement of a batch
 */
@ConfigurationProperties("cchc.outbox")
public record OutboxProperties(@DefaultValue("200ms") Duration pollInterval, @DefaultValue("500") int batchSize,
		@DefaultValue("15s") Duration sendTimeout) {
}
