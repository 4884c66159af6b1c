package vn.cchc.local;

/** The local stack could not start (or stop) a part; the message carries the tail of its log. */
public class LocalStackException extends RuntimeException {

	public LocalStackException(String message) {
		super(message);
	}

	public LocalStackException(String message, Throwable cause) {
		super(message, cause);
	}

}
