package vn.cchc.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A single Kafka broker in KRaft combined mode (broker and controller in one JVM), started from
 * the jars {@code copy-dependencies} put in {@code local/target/lib}. The storage is formatted once;
 * later starts reuse {@code <data>/kafka}.
 */
final class KafkaBroker {

	private final StackLayout layout;

	private final Ports ports;

	KafkaBroker(StackLayout layout, Ports ports) {
		this.layout = layout;
		this.ports = ports;
	}

	Path logDir() {
		return this.layout.dataDir().resolve("kafka");
	}

	Path configFile() {
		return this.layout.dataDir().resolve("config/kafka-server.properties");
	}

	/** Writes the configuration, formats the storage on first use, and returns the (not yet started) broker. */
	ChildProcess prepare() {
		writeConfig();
		if (!Files.isRegularFile(logDir().resolve("meta.properties"))) {
			format();
		}
		return new ChildProcess("kafka", command("kafka.Kafka", configFile().toString()), Map.of(),
				this.layout.dataDir(), this.layout.log("kafka"));
	}

	private void writeConfig() {
		String properties = String.join(System.lineSeparator(),
				"# Written by the local launcher on every start; edit KafkaBroker.java instead.",
				"process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@127.0.0.1:" + this.ports.kafkaController(),
				"listeners=PLAINTEXT://127.0.0.1:" + this.ports.kafka() + ",CONTROLLER://127.0.0.1:"
						+ this.ports.kafkaController(),
				"advertised.listeners=PLAINTEXT://127.0.0.1:" + this.ports.kafka(),
				"controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
				"log.dirs=" + logDir().toAbsolutePath().toString().replace('\\', '/'), "auto.create.topics.enable=true",
				"num.partitions=3", "default.replication.factor=1", "min.insync.replicas=1",
				"offsets.topic.replication.factor=1", "offsets.topic.num.partitions=5",
				"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
				"transaction.state.log.num.partitions=5", "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0",
				"log.retention.hours=168", "log.segment.bytes=67108864", "num.network.threads=2", "num.io.threads=4",
				"");
		try {
			Files.createDirectories(configFile().getParent());
			Files.writeString(configFile(), properties, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void format() {
		Path log = this.layout.log("kafka-format");
		List<String> command = command("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
				configFile().toString(), "--ignore-formatted");
		ChildProcess formatter = new ChildProcess("kafka-format", command, Map.of(), this.layout.dataDir(), log);
		formatter.start();
		Process process = formatter.process().orElseThrow();
		try {
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				formatter.kill();
				throw new LocalStackException("Formatting the Kafka storage timed out. Log " + log + ":"
						+ System.lineSeparator() + formatter.tail(30));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			formatter.kill();
			throw new LocalStackException("Interrupted while formatting the Kafka storage", ex);
		}
		if (process.exitValue() != 0) {
			throw new LocalStackException("Formatting the Kafka storage failed (exit " + process.exitValue() + "). Log "
					+ log + ":" + System.lineSeparator() + formatter.tail(30));
		}
	}

	private List<String> command(String mainClass, String... args) {
		// A benchmark can put the broker behind the services (-Dcchc.local.kafka-nice, e.g. 10): the services publish
		// through their outboxes, off the request path, and its periodic bursts of up to half a core for a second or
		// two took CPU from the quiz-service on this machine (docs/benchmarks.md, fourteenth pass).
		List<String> command = new ArrayList<>(ChildProcess.nicePrefix("cchc.local.kafka-nice"));
		command.add(this.layout.java().toString());
		command.addAll(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
				"-Djava.awt.headless=true", "-Dlogback.configurationFile=" + this.layout.childLogbackConfig(),
				"-cp", this.layout.kafkaClasspath(), mainClass));
		command.addAll(List.of(args));
		return command;
	}

	/** A KRaft cluster id: 16 random bytes, URL-safe base64 without padding, not starting with '-'. */
	static String clusterId() {
		while (true) {
			UUID uuid = UUID.randomUUID();
			ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
				.putLong(uuid.getLeastSignificantBits());
			String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
			if (!id.startsWith("-")) {
				return id;
			}
		}
	}

	static Duration startTimeout() {
		return Duration.ofSeconds(90);
	}

}
