package vn.cchc.registration;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person's participant profile, keyed by their Keycloak user id. Personal data: masked in lists. */
@Document(Profile.COLLECTION)
public record Profile(@Id String userId, String fullName, LocalDate dateOfBirth, String phone, String citizenId,
		String unitCode, String residentialArea, String category, Instant updatedAt) {

	public static final String COLLECTION = "profiles";

}
