package vn.cchc.platform.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where errors become RFC 9457 problem details: a stable {@code code} and a
 * Vietnamese {@code detail}, whatever raised them (our own refusals, Spring MVC's own exceptions,
 * method security, duplicate keys). Nothing is half-written when these are thrown, because every
 * use case validates before its single document write.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException ex) {
		ResponseEntity<ProblemDetail> response = respond(ex.status(), ex.code(), ex.detail());
		ex.properties().forEach(response.getBody()::setProperty);
		return response;
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	ResponseEntity<ProblemDetail> denied(RuntimeException ex) {
		return respond(HttpStatus.FORBIDDEN, "auth.forbidden",
				"Tài khoản của bạn không có quyền thực hiện thao tác này.");
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex) {
		return respond(HttpStatus.CONFLICT, "request.duplicate", "Dữ liệu này đã tồn tại; yêu cầu không được ghi lại.");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return respond(HttpStatus.BAD_REQUEST, "request.invalid-parameter",
				"Giá trị của tham số «" + ex.getName() + "» không hợp lệ.");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, "server.error",
				"Hệ thống gặp lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng; vui lòng thử lại.");
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		String code;
		String detail;
		Map<String, Object> extra = Map.of();
		switch (ex) {
			case HttpMessageNotReadableException e -> {
				code = "request.malformed";
				detail = "Nội dung gửi lên không phải JSON hợp lệ hoặc sai kiểu dữ liệu. Vui lòng kiểm tra lại.";
			}
			case MethodArgumentNotValidException e -> {
				code = "request.invalid";
				List<Map<String, String>> errors = e.getBindingResult()
					.getFieldErrors()
					.stream()
					.map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
					.toList();
				detail = "Dữ liệu chưa hợp lệ: " + String.join("; ",
						errors.stream().map(m -> m.get("field") + " " + m.get("message")).toList()) + ".";
				extra = Map.of("errors", errors);
			}
			case HandlerMethodValidationException e -> {
				code = "request.invalid";
				detail = "Dữ liệu chưa hợp lệ. Vui lòng kiểm tra lại các trường đã nhập.";
			}
			case HttpMediaTypeNotSupportedException e -> {
				code = "request.unsupported-media-type";
				detail = "Định dạng nội dung không được hỗ trợ (cần application/json).";
			}
			case HttpRequestMethodNotSupportedException e -> {
				code = "request.method-not-allowed";
				detail = "Phương thức HTTP này không được hỗ trợ cho địa chỉ này.";
			}
			case NoResourceFoundException e -> {
				code = "request.not-found";
				detail = "Không tìm thấy địa chỉ được yêu cầu.";
			}
			default -> {
				code = "request.rejected";
				detail = "Yêu cầu không thực hiện được (" + statusCode.value() + ").";
			}
		}
		ProblemDetail problem = Problems.of(statusCode, code, Problems.title(statusCode.value()), detail);
		extra.forEach(problem::setProperty);
		return ResponseEntity.status(statusCode).headers(headers).body(problem);
	}

	private static ResponseEntity<ProblemDetail> respond(HttpStatus status, String code, String detail) {
		return ResponseEntity.status(status).body(Problems.of(status, code, Problems.title(status.value()), detail));
	}

}
