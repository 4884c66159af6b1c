package vn.cchc.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the two infrastructure children for real (broker and embedded MongoDB, as separate
 * processes from local/target/lib), uses them through their ordinary clients, and checks that
 * close() leaves nothing running.
 */
class LocalStackProcessesTest {

	private static final Path MODULE_DIR = Path.of(System.getProperty("user.dir")).toAbsolutePath();

	@Test
	void kafkaAndMongoRunAsChildProcessesAndStopCleanly() throws Exception {
		Path dataDir = MODULE_DIR.resolve("target/processes-test-" + UUID.randomUUID());
		LocalStack stack = LocalStack.builder()
			.projectDir(MODULE_DIR.getParent())
			.dataDir(dataDir)
			.portOffset(300)
			.seedDemo(false)
			.components(Component.KAFKA, Component.MONGO)
			.build();
		List<ProcessHandle> children;
		// A benchmark's scheduling priorities for the children (a positive niceness needs no root).
		System.setProperty("cchc.local.mongo-nice", "7");
		System.setProperty("cchc.local.kafka-nice", "3");
		try {
			stack.start();
			assertThat(stack.processes()).extracting(LocalStackProcessesTest::niceness).contains(7, 3);

			roundTripOneRecord(stack.kafkaBootstrapServers());

			try (MongoClient client = MongoClients.create(stack.mongoUri())) {
				collection(client).insertOne(new Document("_id", "bs-kp1").append("name", "Khu phố 1"));
			}
			stack.stopMongo();
			stack.startMongo();
			try (MongoClient client = MongoClients.create(stack.mongoUri())) {
				Document found = collection(client).find(new Document("_id", "bs-kp1")).first();
				assertThat(found).isNotNull();
				assertThat(found.getString("name")).isEqualTo("Khu phố 1");
			}

			children = stack.processes();
			assertThat(children).hasSizeGreaterThanOrEqualTo(2).allMatch(ProcessHandle::isAlive);
		}
		finally {
			System.clearProperty("cchc.local.mongo-nice");
			System.clearProperty("cchc.local.kafka-nice");
			stack.close();
		}
		assertThat(children).noneMatch(ProcessHandle::isAlive);
		assertThat(stack.processes()).isEmpty();
		KeycloakServer.deleteRecursively(dataDir);
	}

	/** The process's niceness: field 19 of /proc/PID/stat, counted after the command's closing parenthesis. */
	private static int niceness(ProcessHandle process) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
			return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static MongoCollection<Document> collection(MongoClient client) {
		return client.getDatabase("cchc_local_test").getCollection("units");
	}

	private static void roundTripOneRecord(String bootstrap) throws Exception {
		String topic = "local-stack-test";
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			producer.send(new ProducerRecord<>(topic, "contest-1", "Xin chào Bồng Sơn")).get();
		}
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test",
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					assertThat(record.key()).isEqualTo("contest-1");
					assertThat(record.value()).isEqualTo("Xin chào Bồng Sơn");
					return;
				}
			}
			throw new AssertionError("no record consumed from " + topic + " within 60 s");
		}
	}

}
