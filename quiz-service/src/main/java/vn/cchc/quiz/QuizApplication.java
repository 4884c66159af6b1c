package vn.cchc.quiz;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import vn.cchc.platform.outbox.OutboxCollections;

/** Question banks, attempts and scoring. Learns rounds and participants from registration events. */
@SpringBootApplication
public class QuizApplication {

	public static void main(String[] args) {
		SpringApplication.run(QuizApplication.class, args);
	}

	@Bean
	OutboxCollections quizOutboxes() {
		return OutboxCollections.of(Attempt.COLLECTION);
	}

}
