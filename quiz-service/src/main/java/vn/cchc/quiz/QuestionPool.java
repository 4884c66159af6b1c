package vn.cchc.quiz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import vn.cchc.quiz.QuestionBank.Option;
import vn.cchc.quiz.QuestionBank.Question;

/**
 * One bank version prepared for drawing: immutable, built once per instance and kept in memory,
 * so starting an attempt costs a few random picks and no bank read, however many people press
 * "start" in the same minute.
 */
final class QuestionPool {

	private final String code;

	private final int version;

	private final List<Question> questions;

	private final Map<String, List<Question>> byTopic;

	private final Map<String, Question> byId;

	QuestionPool(String code, int version, List<Question> questions) {
		this.code = code;
		this.version = version;
		this.questions = List.copyOf(questions);
		Map<String, List<Question>> topics = new LinkedHashMap<>();
		for (Question q : questions) {
			topics.computeIfAbsent(q.topic() == null ? "" : q.topic(), t -> new ArrayList<>()).add(q);
		}
		topics.replaceAll((t, list) -> List.copyOf(list));
		this.byTopic = Collections.unmodifiableMap(topics);
		Map<String, Question> ids = new HashMap<>();
		for (Question q : questions) {
			ids.put(q.id(), q);
		}
		this.byId = Collections.unmodifiableMap(ids);
	}

	String code() {
		return this.code;
	}

	int version() {
		return this.version;
	}

	int size() {
		return this.questions.size();
	}

	List<Question> questions() {
		return this.questions;
	}

	/**
	 * Draws {@code count} distinct questions at random. Stratified: every topic gets its share in
	 * proportion to its size in the bank (largest remainders round up, ties broken at random), so
	 * each attempt covers the bank's subjects alike. With {@code shuffleOptions} each question's
	 * options come in a random order; their keys stay those of the bank.
	 */
	List<Question> draw(int count, boolean stratify, boolean shuffleOptions, RandomGenerator random) {
		int wanted = Math.min(count, this.questions.size());
		List<Question> drawn;
		if (!stratify || this.byTopic.size() < 2) {
			drawn = pick(this.questions, wanted, random);
		}
		else {
			drawn = new ArrayList<>(wanted);
			for (Map.Entry<String, Integer> quota : quotas(wanted, random).entrySet()) {
				drawn.addAll(pick(this.byTopic.get(quota.getKey()), quota.getValue(), random));
			}
			shuffle(drawn, random);
		}
		if (!shuffleOptions) {
			return List.copyOf(drawn);
		}
		List<Question> reordered = new ArrayList<>(drawn.size());
		for (Question q : drawn) {
			List<Option> options = new ArrayList<>(q.options());
			shuffle(options, random);
			reordered.add(q.withOptions(List.copyOf(options)));
		}
		return List.copyOf(reordered);
	}

	/**
	 * How an attempt stores what it drew: one entry per question, its id and its option keys in
	 * the order shown ({@code "q17:B,A,D,C"}). The version's texts and answer key stay here, in the
	 * pool, and are not copied into every attempt (see {@link #questions(List)}).
	 */
	static List<String> paper(List<Question> drawn) {
		return drawn.stream()
			.map(q -> q.id() + ":" + String.join(",", q.options().stream().map(Option::key).toList()))
			.toList();
	}

	/**
	 * The questions of a {@link #paper(List) paper} drawn from this version, options in the order
	 * the participant saw them.
	 */
	List<Question> questions(List<String> paper) {
		List<Question> questions = new ArrayList<>(paper.size());
		for (String entry : paper) {
			int colon = entry.lastIndexOf(':');
			Question question = this.byId.get(entry.substring(0, colon));
			if (question == null) {
				throw new IllegalStateException("Question " + entry + " is not in bank " + this.code + " v" + this.version);
			}
			Map<String, Option> options = new HashMap<>();
			question.options().forEach(o -> options.put(o.key(), o));
			List<Option> shown = new ArrayList<>(question.options().size());
			for (String key : entry.substring(colon + 1).split(",")) {
				shown.add(options.get(key));
			}
			questions.add(shown.equals(question.options()) ? question : question.withOptions(List.copyOf(shown)));
		}
		return List.copyOf(questions);
	}

	/** Proportional shares that add up to {@code wanted} (Hamilton's largest-remainder method). */
	Map<String, Integer> quotas(int wanted, RandomGenerator random) {
		Map<String, Integer> quotas = new LinkedHashMap<>();
		List<String> byRemainder = new ArrayList<>(this.byTopic.keySet());
		shuffle(byRemainder, random);
		Map<String, Double> remainders = new LinkedHashMap<>();
		int given = 0;
		for (Map.Entry<String, List<Question>> topic : this.byTopic.entrySet()) {
			double exact = (double) wanted * topic.getValue().size() / this.questions.size();
			int whole = (int) Math.floor(exact);
			quotas.put(topic.getKey(), whole);
			remainders.put(topic.getKey(), exact - whole);
			given += whole;
		}
		byRemainder.sort(Comparator.comparingDouble((String t) -> remainders.get(t)).reversed());
		for (int i = 0; given < wanted; i = (i + 1) % byRemainder.size()) {
			String topic = byRemainder.get(i);
			if (quotas.get(topic) < this.byTopic.get(topic).size()) {
				quotas.merge(topic, 1, Integer::sum);
				given++;
			}
		}
		return quotas;
	}

	/** A partial Fisher–Yates shuffle: {@code n} distinct picks in O(size) copies, O(n) swaps. */
	private static List<Question> pick(List<Question> from, int n, RandomGenerator random) {
		List<Question> copy = new ArrayList<>(from);
		for (int i = 0; i < n; i++) {
			Collections.swap(copy, i, i + random.nextInt(copy.size() - i));
		}
		return new ArrayList<>(copy.subList(0, n));
	}

	private static <T> void shuffle(List<T> list, RandomGenerator random) {
		for (int i = list.size() - 1; i > 0; i--) {
			Collections.swap(list, i, random.nextInt(i + 1));
		}
	}

}
