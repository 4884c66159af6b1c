package vn.cchc.contracts;

/**
 * A versioned CloudEvents type bound to its record and topic, e.g.
 * {@code vn.cchc.quiz.attempt-submitted.v1} on {@code quiz.attempts.v1}.
 */
public record EventType(String name, String topic, Class<? extends CchcEvent> dataClass) {

	public EventType {
		if (!name.matches("vn\\.cchc\\.[a-z]+\\.[a-z-]+\\.v\\d+")) {
			throw new IllegalArgumentException("Event type name must be vn.cchc.<service>.<event>.v<N>: " + name);
		}
	}

}
