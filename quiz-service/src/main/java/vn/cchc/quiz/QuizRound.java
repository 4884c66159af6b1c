package vn.cchc.quiz;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.cchc.contracts.ContestEvent.QuizSettings;

/** A quiz round as learnt from {@code registration.contests.v1}. */
@Document(QuizRound.COLLECTION)
public record QuizRound(@Id String id, String contestId, String contestTitle, String title, Instant opensAt,
		Instant closesAt, QuizSettings settings) {

	public static final String COLLECTION = "rounds";

}
