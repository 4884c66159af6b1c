package vn.cchc.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.FixedBackOff;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.cchc.contracts.Topics;
import vn.cchc.platform.catalog.ContestCatalog;
import vn.cchc.platform.events.EventCodec;
import vn.cchc.platform.events.PoisonEventException;
import vn.cchc.platform.events.TraceContextBridge;
import vn.cchc.platform.inbox.EventInbox;
import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.outbox.OutboxCollections;
import vn.cchc.platform.outbox.OutboxHints;
import vn.cchc.platform.outbox.OutboxMessage;
import vn.cchc.platform.outbox.OutboxProperties;
import vn.cchc.platform.outbox.OutboxRelay;
import vn.cchc.platform.web.CallerArgumentResolver;
import vn.cchc.platform.web.LoadSheddingFilter;
import vn.cchc.platform.web.ProblemDetailsAdvice;

/** Wires the shared plumbing into every service that has the platform on its classpath. */
@AutoConfiguration(afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration" })
@EnableScheduling
@EnableConfigurationProperties({ OutboxProperties.class, KafkaTopicsProperties.class })
public class PlatformAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	EventCodec eventCodec(JsonMapper json) {
		return new EventCodec(json);
	}

	@Bean
	TraceContextBridge traceContextBridge(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new TraceContextBridge(tracer.getIfAvailable(), propagator.getIfAvailable());
	}

	@Bean
	OutboxHints outboxHints() {
		return new OutboxHints();
	}

	@Bean
	Outbox outbox(Clock clock, EventCodec codec, TraceContextBridge trace, OutboxHints hints,
			@Value("${spring.application.name}") String applicationName) {
		return new Outbox(clock, codec, trace, applicationName, hints);
	}

	@Bean
	@ConditionalOnBean(OutboxCollections.class)
	OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka,
			List<OutboxCollections> collections, OutboxProperties properties, TraceContextBridge trace,
			OutboxHints hints) {
		List<String> names = collections.stream().flatMap(c -> c.names().stream()).distinct().toList();
		return new OutboxRelay(mongo, kafka, names, properties, trace, hints);
	}

	@Bean
	@ConditionalOnBean(OutboxRelay.class)
	ApplicationRunner outboxIndexes(OutboxRelay relay) {
		return args -> relay.createIndexes();
	}

	/**
	 * Fails the start when a document type has an {@code outbox} but its collection is not relayed:
	 * its events would be written and never published.
	 */
	@Bean
	ApplicationRunner outboxCoverage(MongoTemplate mongo, List<OutboxCollections> collections) {
		return args -> {
			Set<String> relayed = collections.stream().flatMap(c -> c.names().stream()).collect(Collectors.toSet());
			List<String> missing = mongo.getConverter()
				.getMappingContext()
				.getPersistentEntities()
				.stream()
				.filter(entity -> entity.getPersistentProperty(OutboxMessage.FIELD) != null)
				.map(entity -> entity.getCollection())
				.filter(collection -> !relayed.contains(collection))
				.distinct()
				.toList();
			if (!missing.isEmpty()) {
				throw new IllegalStateException("Collections with an outbox that no relay publishes: " + missing
						+ ". Add them to the service's OutboxCollections bean.");
			}
		};
	}

	/**
	 * Load shedding ({@link LoadSheddingFilter}): after the request observation, so a shed request
	 * is still counted in {@code http.server.requests}, and before security, so it costs no token check.
	 */
	@Bean
	FilterRegistrationBean<LoadSheddingFilter> loadShedding(JsonMapper json,
			@Value("${cchc.web.max-concurrent-requests:500}") int maxConcurrentRequests,
			@Value("${cchc.web.overload-wait:100ms}") Duration wait) {
		var registration = new FilterRegistrationBean<>(new LoadSheddingFilter(maxConcurrentRequests, wait, json));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Tomcat keeps the buffers of closed connections (16 KB each) for the next ones, but sizes that
	 * cache from the heap and turns it off for heaps of 2 GB or less; then each new keep-alive
	 * connection allocated buffers that lived as long as it did and were promoted with it. At 200
	 * new connections a second (citizens sent straight to the quiz-service), that was most of what
	 * filled its old generation (docs/benchmarks.md, sixth pass). A fixed cache of
	 * {@code cchc.web.connection-buffer-cache} channels (at most 16 KB each) keeps them in use.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TomcatConnectorCustomizer.class)
	static class TomcatConnections {

		@Bean
		TomcatConnectorCustomizer connectionBufferCache(@Value("${cchc.web.connection-buffer-cache:2000}") int channels) {
			return connector -> connector.setProperty("socket.bufferPool", String.valueOf(channels));
		}

	}

	/**
	 * MongoDB connections opened before they are needed: {@code cchc.mongo.pool.min-size} kept open
	 * (driver default 0: the pool grows on demand) and {@code cchc.mongo.pool.max-connecting} opened
	 * at once (driver default 2); unset, the connection string's options apply. A pool that grows
	 * during a peak makes requests wait for each new connection's handshake, two at a time; at 2,000
	 * answers/s the quiz-service's pool grew by ~75 connections in the first seconds at full rate,
	 * and those seconds were when requests were shed (docs/benchmarks.md, seventh pass).
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer cchcMongoPool(@Value("${cchc.mongo.pool.min-size:#{null}}") Integer minSize,
			@Value("${cchc.mongo.pool.max-connecting:#{null}}") Integer maxConnecting) {
		// Only what is set: otherwise the connection string's minPoolSize/maxConnecting stand.
		return builder -> builder.applyToConnectionPoolSettings(pool -> {
			if (minSize != null) {
				pool.minSize(minSize);
			}
			if (maxConnecting != null) {
				pool.maxConnecting(maxConnecting);
			}
		});
	}

	@Bean
	EventInbox eventInbox(MongoTemplate mongo, EventCodec codec, Clock clock, TraceContextBridge trace) {
		return new EventInbox(mongo, codec, clock, trace);
	}

	/**
	 * Transient failures are retried a few times; poison records go straight to
	 * {@code <topic>.dlt} (partition chosen by Kafka, since dead-letter topics may have fewer
	 * partitions), and the consumer carries on.
	 */
	@Bean
	@ConditionalOnMissingBean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> kafka) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500L, 4));
		handler.addNotRetryableExceptions(PoisonEventException.class, DeserializationException.class);
		return handler;
	}

	@Bean
	KafkaAdmin.NewTopics cchcTopics(KafkaTopicsProperties topics) {
		List<NewTopic> all = new ArrayList<>();
		String retention = Long.toString(topics.retentionMs());
		topics.owned()
			.forEach(t -> all.add(TopicBuilder.name(t).partitions(topics.partitions()).replicas(topics.replicas())
				.config(TopicConfig.RETENTION_MS_CONFIG, retention).build()));
		// Consumed topics are declared too (same partition count everywhere), so a consumer that
		// starts before the producer never waits on a missing topic.
		topics.consumed()
			.forEach(t -> all.add(TopicBuilder.name(t).partitions(topics.partitions()).replicas(topics.replicas())
				.config(TopicConfig.RETENTION_MS_CONFIG, retention).build()));
		topics.consumed()
			.forEach(t -> all.add(TopicBuilder.name(Topics.deadLetter(t)).partitions(1).replicas(topics.replicas())
				.config(TopicConfig.RETENTION_MS_CONFIG, retention).build()));
		return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
	}

	@Bean
	@ConditionalOnProperty(name = "cchc.contest-catalog.enabled", havingValue = "true")
	ContestCatalog contestCatalog(MongoTemplate mongo, EventInbox inbox, Clock clock) {
		return new ContestCatalog(mongo, inbox, clock);
	}

	@Bean
	ProblemDetailsAdvice problemDetailsAdvice() {
		return new ProblemDetailsAdvice();
	}

	@Bean
	WebMvcConfigurer callerArgument() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}
		};
	}

}
