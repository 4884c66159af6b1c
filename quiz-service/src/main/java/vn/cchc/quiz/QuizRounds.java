package vn.cchc.quiz;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Quiz rounds as read at most {@code cchc.quiz.round-cache-ttl} (1 s) ago. Every start needs its
 * round, and at a province-wide start thousands of starts a second read the same few documents.
 * A change this instance applies (configuration events, window extensions, the bank pin) forgets
 * the entry at once; one applied by another instance is seen within the lifetime.
 */
@Component
class QuizRounds {

	private final MongoTemplate mongo;

	private final Cache<String, QuizRound> recent;

	QuizRounds(MongoTemplate mongo, @Value("${cchc.quiz.round-cache-ttl:1s}") Duration lifetime) {
		this.mongo = mongo;
		this.recent = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(lifetime).build();
	}

	/** The round, or null when there is none (an absent round is not remembered). */
	@Nullable QuizRound find(String roundId) {
		return this.recent.get(roundId, id -> this.mongo.findById(id, QuizRound.class));
	}

	/** Forgets the round, after this instance changed it. */
	void forget(String roundId) {
		this.recent.invalidate(roundId);
	}

}
