package vn.cchc.local;

/**
 * Every port of the local stack, shifted by one offset so that two stacks (a developer's and the
 * end-to-end tests') can run side by side.
 *
 * @param offset added to every default port
 */
public record Ports(int offset) {

	public Ports {
		if (offset < 0 || offset > 20000) {
			throw new IllegalArgumentException("port offset must be between 0 and 20000: " + offset);
		}
	}

	public int gateway() {
		return 8080 + this.offset;
	}

	public int keycloak() {
		return 8180 + this.offset;
	}

	public int kafka() {
		return 9092 + this.offset;
	}

	public int kafkaController() {
		return 9093 + this.offset;
	}

	public int mongo() {
		return 27017 + this.offset;
	}

	public int service(Service service) {
		return service.basePort() + this.offset;
	}

	/**
	 * Port of the quiz-service instance number {@code instance} (1 = the default instance on the
	 * quiz port, 2.. = extra instances on 8086, 8087, 8088, plus the offset).
	 */
	public int quizInstance(int instance) {
		if (instance < 1 || instance > LocalStack.MAX_QUIZ_INSTANCES) {
			throw new IllegalArgumentException("quiz instance must be between 1 and " + LocalStack.MAX_QUIZ_INSTANCES
					+ ": " + instance);
		}
		return instance == 1 ? service(Service.QUIZ) : 8084 + instance + this.offset;
	}

}
