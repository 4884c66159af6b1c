package vn.cchc.registration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import vn.cchc.platform.outbox.OutboxCollections;

/**
 * The source of truth for contests, units and participants. Everything other services know about
 * them they learn from this service's events.
 */
@SpringBootApplication
public class RegistrationApplication {

	public static void main(String[] args) {
		SpringApplication.run(RegistrationApplication.class, args);
	}

	@Bean
	OutboxCollections registrationOutboxes() {
		return OutboxCollections.of(Contest.COLLECTION, Participant.COLLECTION, Team.COLLECTION);
	}

}
