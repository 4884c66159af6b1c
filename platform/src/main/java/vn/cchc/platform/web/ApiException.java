package vn.cchc.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal a person can act on: an HTTP status, a stable machine-readable {@code code} (e.g.
 * {@code quiz.attempt.closed}) and a Vietnamese {@code detail}. Services throw it (or subclass it
 * as domain exceptions); {@link ProblemDetailsAdvice} renders it.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	public ApiException(HttpStatus status, String code, String detail) {
		super(detail);
		this.status = status;
		this.code = code;
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
