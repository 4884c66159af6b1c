package vn.cchc.awards;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import vn.cchc.platform.outbox.OutboxCollections;

/** Turns results into standings, prizes, award decisions, certificates and the live dashboard. */
@SpringBootApplication
@EnableConfigurationProperties(AwardsProperties.class)
public class AwardsApplication {

	public static void main(String[] args) {
		SpringApplication.run(AwardsApplication.class, args);
	}

	@Bean
	OutboxCollections outboxCollections() {
		return OutboxCollections.of(OfficialResults.COLLECTION);
	}

}
