package vn.cchc.quiz;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import vn.cchc.platform.outbox.OutboxCollections;

/** Question banks, attempts and scoring. Learns rounds and participants from registration events. */
@SpringBootApplication
public class QuizApplication {

	public static void main(String[] args) {
		SpringApplication.run(QuizApplication.class, args);
	}

	/** Stored settings read with defaults for fields added later (see {@link QuizSettingsReader}). */
	@Bean
	MongoCustomConversions quizConversions() {
		return MongoCustomConversions.create(conversions -> conversions.registerConverter(new QuizSettingsReader()));
	}

	@Bean
	OutboxCollections quizOutboxes() {
		return OutboxCollections.of(Attempt.COLLECTION);
	}

}
