package vn.cchc.quiz;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

import vn.cchc.contracts.CchcEvent;
import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.ContestEvent.QuizSettings;
import vn.cchc.contracts.ContestEvent.Round;
import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.platform.events.CloudEventRecords;
import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.outbox.OutboxMessage;

import static org.awaitility.Awaitility.await;

/** Test data: contests published and participants enrolled the way registration would, over Kafka. */
final class QuizFixtures {

	private final KafkaTemplate<String, byte[]> kafka;

	private final Outbox outbox;

	private final MongoTemplate mongo;

	QuizFixtures(KafkaTemplate<String, byte[]> kafka, Outbox outbox, MongoTemplate mongo) {
		this.kafka = kafka;
		this.outbox = outbox;
		this.mongo = mongo;
	}

	static QuizSettings settings(int questionCount, int attemptsAllowed) {
		return new QuizSettings("cchc-mau", questionCount, 900, attemptsAllowed, "first");
	}

	/** A contest with one quiz round; returns its ids once the quiz-service has learnt the round. */
	Contest publish(Instant opensAt, Instant closesAt, QuizSettings settings) {
		String contestId = UUID.randomUUID().toString();
		String roundId = UUID.randomUUID().toString();
		send(new ContestPublished(contestId, "Hội thi CCHC", "UBND phường Bồng Sơn", "Asia/Ho_Chi_Minh", 1,
				List.of(new Round(roundId, "quiz", "Vòng trắc nghiệm", opensAt, closesAt, settings))));
		await().atMost(Duration.ofSeconds(15)).until(() -> this.mongo.findById(roundId, QuizRound.class) != null);
		return new Contest(contestId, roundId);
	}

	/** Enrols the users (participant id {@code p-<user>}) and waits until the quiz-service knows them all. */
	void enrol(Contest contest, String category, List<String> users) {
		List<CchcEvent> events = new ArrayList<>();
		for (String user : users) {
			events.add(new ParticipantEnrolled(contest.contestId(), participantId(contest, user), user,
					"Thí sinh " + user, category, "BS-KP1", Instant.now()));
		}
		send(events.toArray(CchcEvent[]::new));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.mongo.count(Query.query(Criteria.where("contestId").is(contest.contestId())
				.and("userId").in(users)), QuizParticipant.class) == users.size());
	}

	static String participantId(Contest contest, String user) {
		return "p-" + user + "-" + contest.contestId();
	}

	/** Sends all events without waiting for each one, then waits for every acknowledgement. */
	OutboxMessage[] send(CchcEvent... events) {
		OutboxMessage[] messages = this.outbox.messages(events).toArray(OutboxMessage[]::new);
		List<CompletableFuture<?>> acks = new ArrayList<>();
		for (OutboxMessage message : messages) {
			acks.add(this.kafka.send(CloudEventRecords.toRecord(message)));
		}
		try {
			CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka did not acknowledge the test events", ex);
		}
		return messages;
	}

	/**
	 * The answer key of the sample bank, read straight from the shipped CSV file: the tests score
	 * attempts with it, independently of the service's own scoring.
	 */
	static Map<String, String> sampleAnswerKey() {
		Map<String, String> key = new HashMap<>();
		try (InputStream in = QuizFixtures.class.getResourceAsStream("/banks/cchc-mau.csv");
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				key.put(row.get("code").strip(), row.get("correct").strip());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return key;
	}

	record Contest(String contestId, String roundId) {
	}

}
