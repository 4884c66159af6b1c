package vn.cchc.local;

/** What a {@link LocalStack} can start; tests may start a subset. */
public enum Component {

	/** Kafka broker, KRaft combined mode. */
	KAFKA,
	/** Embedded MongoDB (mongo-java-server, H2 file backend). */
	MONGO,
	/** Keycloak with the {@code cchc} realm. */
	KEYCLOAK,
	/** The five services; needs Kafka, MongoDB and Keycloak. */
	SERVICES,
	/** The API gateway serving the web UI; needs Keycloak. */
	GATEWAY

}
