package vn.cchc.submission;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.Topics;
import vn.cchc.platform.inbox.EventHandlers;
import vn.cchc.platform.inbox.EventInbox;
import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;

/**
 * Video and written-initiative entries from units (uploads, deadlines). This foundation version learns the contests; entries come with the video and idea rounds.
 */
@SpringBootApplication
@RestController
public class SubmissionApplication {

	private final MongoTemplate mongo;

	private final EventInbox inbox;

	private final EventHandlers handlers;

	SubmissionApplication(MongoTemplate mongo, EventInbox inbox) {
		this.mongo = mongo;
		this.inbox = inbox;
		this.handlers = EventHandlers.builder().on(ContestPublished.class, this::contestPublished).build();
	}

	public static void main(String[] args) {
		SpringApplication.run(SubmissionApplication.class, args);
	}

	@Document("contests")
	record KnownContest(@Id String id, String title, List<String> roundKinds, Instant learntAt) {
	}

	@KafkaListener(topics = Topics.CONTESTS)
	void on(ConsumerRecord<String, byte[]> record) {
		this.inbox.accept(record, this.handlers);
	}

	private void contestPublished(ContestPublished event) {
		this.mongo.save(new KnownContest(event.contestId(), event.title(),
				event.rounds().stream().map(r -> r.kind()).toList(), Instant.now()));
	}

	/** What this service knows of a contest (staff only). */
	@GetMapping("/api/submission/contests/{id}")
	KnownContest contest(Caller caller, @PathVariable String id) {
		caller.require("unit-manager", "organizer", "admin");
		KnownContest contest = this.mongo.findById(id, KnownContest.class);
		if (contest == null) {
			throw ApiException.notFound("contest.not-found", "Không tìm thấy cuộc thi.");
		}
		return contest;
	}

}
