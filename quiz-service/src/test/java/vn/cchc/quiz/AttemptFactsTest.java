package vn.cchc.quiz;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

	@Test
	void startedFactsAnswerFromTheQuestionsAndReadBackFactsFromTheStoredPairs() {
		var question = new QuestionBank.Question("q1", "t", "Câu 1",
				List.of(new QuestionBank.Option("A", "a"), new QuestionBank.Option("B", "b")), "B");
		Attempt started = new Attempt("a1", "c", "r", "p", "u", 1, "r:p:1", "r:p", Attempt.Status.ACTIVE, NOW,
				NOW.plusSeconds(900), List.of(question), Map.of(), 0, null, null, null, null, false, Map.of(), List.of(),
				List.of(), "citizen", null, "bank", 1, Attempt.allowed(List.of(question)), null, false, "a1", null, null, true,
				null).retained();
		assertThat(started.allowed()).as("the started attempt kept in memory does not carry the stored pairs").isNull();
		var here = new AttemptService.AttemptFacts("u", NOW.plusSeconds(900), null, true, started);
		var readBack = new AttemptService.AttemptFacts("u", NOW.plusSeconds(900), Set.of("q1:A", "q1:B"), true, null);
		for (var facts : List.of(here, readBack)) {
			assertThat(facts.offers("q1", "B")).isTrue();
			assertThat(facts.offers("q1", "C")).as("an option not offered").isFalse();
			assertThat(facts.offers("q2", "A")).as("a question not drawn").isFalse();
		}
	}

}
