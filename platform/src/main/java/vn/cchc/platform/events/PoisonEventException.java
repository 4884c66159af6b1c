package vn.cchc.platform.events;

/**
 * A record no retry can fix (unknown type, missing attributes, unreadable data): it goes straight
 * to the topic's dead-letter topic and the consumer moves on.
 */
public class PoisonEventException extends RuntimeException {

	public PoisonEventException(String message) {
		super(message);
	}

	public PoisonEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
