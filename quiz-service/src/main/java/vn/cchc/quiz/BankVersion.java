package vn.cchc.quiz;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.cchc.quiz.QuestionBank.Question;

/**
 * One imported version of a bank, never changed once written: {@code id} is {@code code@version},
 * unique, so two concurrent imports of the same code cannot both become version n.
 */
@Document(BankVersion.COLLECTION)
record BankVersion(@Id String id, String code, int version, List<Question> questions, String uploadedBy,
		Instant uploadedAt, String format) {

	static final String COLLECTION = "bank_versions";

	static String id(String code, int version) {
		return code + "@" + version;
	}

}
