package vn.cchc.platform.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal a person can act on: an HTTP status, a stable machine-readable {@code code} (e.g.
 * {@code quiz.attempt.closed}) and a Vietnamese {@code detail}. Services throw it (or subclass it
 * as domain exceptions); {@link ProblemDetailsAdvice} renders it.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	public ApiException(HttpStatus status, String code, String detail) {
		super(detail);
		this.status = status;
		this.code = code;
	}

	/**
	 * Adds an extension member to the problem (e.g. {@code errors}: the rows a file import refused).
	 * Returns this exception, so it can be chained before {@code throw}.
	 */
	public ApiException withProperty(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	/** Extension members rendered next to {@code code} and {@code detail}; empty by default. */
	public Map<String, Object> properties() {
		return Collections.unmodifiableMap(this.properties);
	}

	public static ApiException badRequest(String code, String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
	}

	public static ApiException notFound(String code, String detail) {
		return new ApiException(HttpStatus.NOT_FOUND, code, detail);
	}

	public static ApiException forbidden(String code, String detail) {
		return new ApiException(HttpStatus.FORBIDDEN, code, detail);
	}

	public static ApiException conflict(String code, String detail) {
		return new ApiException(HttpStatus.CONFLICT, code, detail);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public String detail() {
		return getMessage();
	}

}
