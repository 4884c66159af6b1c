package vn.cchc.platform.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Topics a service creates: the ones it owns (publishes) and the dead-letter topics of the ones
 * it consumes. Production profiles raise {@code partitions} to 12 or more. {@code retentionMs}
 * defaults to -1 (kept forever): the topics are the record services rebuild their read models from
 * by replaying them from the start (the awards' rebuild), and parked dead letters must not vanish.
 */
@ConfigurationProperties("cchc.kafka")
public record KafkaTopicsProperties(List<String> owned, List<String> consumed, @DefaultValue("3") int partitions,
		@DefaultValue("1") short replicas, @DefaultValue("-1") long retentionMs) {

	public KafkaTopicsProperties {
		owned = owned == null ? List.of() : List.copyOf(owned);
		consumed = consumed == null ? List.of() : List.copyOf(consumed);
	}

}
