package vn.cchc.local;

/** The platform's services, each a Spring Boot executable jar in its own module. */
public enum Service {

	REGISTRATION("registration-service", "registration", 8081),
	QUIZ("quiz-service", "quiz", 8082),
	SUBMISSION("submission-service", "submission", 8083),
	JUDGING("judging-service", "judging", 8084),
	AWARDS("awards-service", "awards", 8085);

	private final String module;

	private final String route;

	private final int basePort;

	Service(String module, String route, int basePort) {
		this.module = module;
		this.route = route;
		this.basePort = basePort;
	}

	/** Maven module and artifact id, also the process and log name. */
	public String module() {
		return this.module;
	}

	/** Key under {@code cchc.gateway.services} and the path segment after {@code /api/}. */
	public String route() {
		return this.route;
	}

	public int basePort() {
		return this.basePort;
	}

}
