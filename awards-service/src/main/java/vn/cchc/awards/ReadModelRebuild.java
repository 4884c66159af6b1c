package vn.cchc.awards;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

import vn.cchc.contracts.Topics;
import vn.cchc.platform.inbox.EventInbox;

/**
 * Drops the read models and replays the consumed topics from the start: stop the listener
 * container (its consumer leaves the group), drop the read-model collections and the inbox's
 * processed ids, move the consumer group's committed offsets to the earliest offsets, start the
 * container. The same consumer, handlers and group rebuild what they built the first time, so the
 * result is identical by construction; the service's own state (tie decisions, official results)
 * is not touched. Returns at once; the replay runs in the background like normal consumption.
 */
@Service
class ReadModelRebuild {

	private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

	static final List<String> TOPICS = List.of(Topics.CONTESTS, Topics.UNITS, Topics.PARTICIPANTS, Topics.TEAMS,
			Topics.ATTEMPTS, Topics.ENTRIES, Topics.SCORES);

	private final KafkaListenerEndpointRegistry registry;

	private final KafkaAdmin admin;

	private final MongoTemplate mongo;

	private final ContestResults results;

	private final String groupId;

	private final Clock clock;

	ReadModelRebuild(KafkaListenerEndpointRegistry registry, KafkaAdmin admin, MongoTemplate mongo,
			ContestResults results, @Value("${spring.kafka.consumer.group-id}") String groupId, Clock clock) {
		this.registry = registry;
		this.admin = admin;
		this.mongo = mongo;
		this.results = results;
		this.groupId = groupId;
		this.clock = clock;
	}

	record Report(Instant startedAt, Map<String, Long> eventsToReplay) {
	}

	synchronized Report rebuild() {
		Instant started = this.clock.instant();
		MessageListenerContainer container = this.registry.getListenerContainer(AwardsEventsListener.LISTENER_ID);
		if (container == null) {
			throw new IllegalStateException("No listener " + AwardsEventsListener.LISTENER_ID);
		}
		container.stop();
		ReadModels.COLLECTIONS.forEach(this.mongo::dropCollection);
		this.mongo.dropCollection(EventInbox.PROCESSED);
		AwardsEventsListener.createIndexes(this.mongo);
		Map<String, Long> replay = new HashMap<>();
		try (Admin client = Admin.create(this.admin.getConfigurationProperties())) {
			Map<String, TopicDescription> topics = client.describeTopics(TOPICS).allTopicNames().get(10, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			topics.values().forEach(t -> t.partitions().forEach(p -> {
				earliest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.earliest());
				latest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest());
			}));
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> from = client.listOffsets(earliest)
				.all()
				.get(10, TimeUnit.SECONDS);
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> to = client.listOffsets(latest)
				.all()
				.get(10, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
			from.forEach((tp, info) -> {
				reset.put(tp, new OffsetAndMetadata(info.offset()));
				replay.merge(tp.topic(), to.get(tp).offset() - info.offset(), Long::sum);
			});
			alter(client, reset);
		}
		catch (Exception ex) {
			container.start();
			throw new IllegalStateException("Could not reset the offsets of " + this.groupId, ex);
		}
		finally {
			this.results.invalidateAll();
		}
		container.start();
		log.info("Read models dropped; replaying {} from the start", replay);
		return new Report(started, replay);
	}

	/** The group may take a moment to notice the stopped member left; retry while it is not empty. */
	private void alter(Admin client, Map<TopicPartition, OffsetAndMetadata> reset) throws Exception {
		Instant deadline = this.clock.instant().plus(Duration.ofSeconds(30));
		while (true) {
			try {
				client.alterConsumerGroupOffsets(this.groupId, reset).all().get(10, TimeUnit.SECONDS);
				return;
			}
			catch (java.util.concurrent.ExecutionException ex) {
				if (this.clock.instant().isAfter(deadline)) {
					throw ex;
				}
				Thread.sleep(200);
			}
		}
	}

}
