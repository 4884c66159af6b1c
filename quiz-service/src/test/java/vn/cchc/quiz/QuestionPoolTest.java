package vn.cchc.quiz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import vn.cchc.quiz.QuestionBank.Option;
import vn.cchc.quiz.QuestionBank.Question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuestionPoolTest {

	static QuestionPool pool(int... perTopic) {
		List<Question> questions = new ArrayList<>();
		for (int t = 0; t < perTopic.length; t++) {
			for (int i = 0; i < perTopic[t]; i++) {
				questions.add(new Question("t" + t + "-" + i, "t" + t, "Câu " + i,
						List.of(new Option("A", "a"), new Option("B", "b"), new Option("C", "c")), "C"));
			}
		}
		return new QuestionPool("ngan-hang", 1, questions);
	}

	@Test
	void quotasFollowTheTopicsShareAndAlwaysAddUpToTheCount() {
		var random = new SplittableRandom(7);
		assertThat(pool(10, 10, 20).quotas(8, random)).containsExactlyInAnyOrderEntriesOf(Map.of("t0", 2, "t1", 2, "t2", 4));
		for (int count = 1; count <= 13; count++) {
			Map<String, Integer> quotas = pool(3, 5, 5).quotas(count, random);
			assertThat(quotas.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(count);
			assertThat(quotas.get("t0")).isBetween(0, 3);
		}
	}

	@Test
	void aDrawHasDistinctQuestionsAndShuffledOptionsKeepTheirKeys() {
		var random = new SplittableRandom(11);
		QuestionPool pool = pool(4, 4, 4);
		Map<String, Integer> seenFirst = new HashMap<>();
		for (int i = 0; i < 200; i++) {
			List<Question> drawn = pool.draw(10, true, true, random);
			assertThat(drawn).hasSize(10);
			assertThat(new HashSet<>(drawn.stream().map(Question::id).toList())).hasSize(10);
			for (Question q : drawn) {
				assertThat(q.options()).extracting(Option::key).containsExactlyInAnyOrder("A", "B", "C");
				assertThat(q.correct()).isEqualTo("C");
				seenFirst.merge(q.options().get(0).key(), 1, Integer::sum);
			}
		}
		assertThat(seenFirst).as("every option comes first sometimes").containsOnlyKeys("A", "B", "C");
		assertThat(pool.draw(50, false, false, random)).as("never more than the bank holds").hasSize(12);
	}

	@Test
	void aPaperNamesTheDrawnQuestionsAndTheirOptionOrderAndReadsBackTheSame() {
		var random = new SplittableRandom(13);
		QuestionPool pool = pool(4, 4, 4);
		for (int i = 0; i < 50; i++) {
			List<Question> drawn = pool.draw(10, true, true, random);
			List<String> paper = QuestionPool.paper(drawn);
			assertThat(paper).hasSize(10).allSatisfy(entry -> assertThat(entry).matches("t\\d-\\d:[ABC],[ABC],[ABC]"));
			assertThat(String.join(" ", paper)).as("no text and no answer key in the paper").doesNotContain("Câu", "a", "b", "c");
			assertThat(pool.questions(paper)).as("questions, texts, keys and shown order read back").isEqualTo(drawn);
		}
		assertThatThrownBy(() -> pool.questions(List.of("khong-co:A,B,C")))
			.isInstanceOf(IllegalStateException.class);
	}

}
