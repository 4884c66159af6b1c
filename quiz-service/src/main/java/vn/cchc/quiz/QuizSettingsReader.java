package vn.cchc.quiz;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;

import vn.cchc.contracts.ContestEvent.Prediction;
import vn.cchc.contracts.ContestEvent.QuizSettings;

/**
 * Reads stored quiz settings field by field, so rounds stored before a setting existed (no
 * {@code shuffleOptions}, no {@code stratifyByTopic}…) read with that setting's default instead of
 * failing on a missing primitive.
 */
@ReadingConverter
final class QuizSettingsReader implements Converter<Document, QuizSettings> {

	@Override
	public QuizSettings convert(Document source) {
		Map<String, String> categoryBanks = new LinkedHashMap<>();
		Document banks = source.get("categoryBanks", Document.class);
		if (banks != null) {
			banks.forEach((category, bank) -> categoryBanks.put(category, String.valueOf(bank)));
		}
		Document prediction = source.get("prediction", Document.class);
		return new QuizSettings(source.getString("bankCode"), number(source, "questionCount", 10),
				number(source, "timeLimitSeconds", 900), number(source, "attemptsAllowed", 1),
				source.get("counting", "first"), source.get("shuffleOptions", false),
				source.get("stratifyByTopic", false), categoryBanks, source.get("period", "round"),
				prediction == null ? null
						: new Prediction(prediction.getString("question"), prediction.getString("counts")),
				source.get("resultsShown", "after-submit"));
	}

	private static int number(Document source, String field, int fallback) {
		Object value = source.get(field);
		return value instanceof Number n ? n.intValue() : fallback;
	}

}
