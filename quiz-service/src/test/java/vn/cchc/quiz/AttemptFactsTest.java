package vn.cchc.quiz;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer path's cached facts live as long as the attempt can take answers, plus a minute. */
class AttemptFactsTest {

	private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

	@Test
	void factsOfAnOpenAttemptAreKeptUntilAMinutePastItsDeadline() {
		var facts = new AttemptService.AttemptFacts("u", NOW.plusSeconds(900), Set.of("q1:A"), true, null);
		assertThat(AttemptService.factsLifetime(facts, NOW)).isEqualTo(Duration.ofSeconds(960));
	}

	@Test
	void factsOfAnAttemptPastItsDeadlineExpireAlmostAtOnce() {
		var facts = new AttemptService.AttemptFacts("u", NOW.minusSeconds(3600), Set.of("q1:A"), true, null);
		assertThat(AttemptService.factsLifetime(facts, NOW)).isEqualTo(Duration.ofSeconds(1));
	}

}
