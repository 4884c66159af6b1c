package vn.cchc.gateway.problem;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import vn.cchc.gateway.routing.ServiceNames;

/**
 * Turns every error raised inside the gateway into a problem detail, ahead of Boot's default
 * handler.
 *
 * <p>
 * An error on a routed request means the backend could not be reached in time: connection
 * refused, connect or response timeout, circuit open, pool exhausted. All of them become 503
 * {@code service.unavailable} naming the service. A backend's own 4xx/5xx responses are not
 * errors here: they were already proxied unchanged and never reach this handler.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class GatewayErrorHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

	private final GatewayProblems problems;

	GatewayErrorHandler(GatewayProblems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			// Mid-stream failure (e.g. backend closed a download): nothing left to say but to close.
			return Mono.error(ex);
		}
		HttpStatus status = statusOf(ex);
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route != null && !status.is4xxClientError()) {
			if (ex instanceof ServiceUnavailableException) {
				// Circuit open: its opening was logged once; one line per refused request would flood the log.
				log.debug("Circuit of route {} is open", route.getId());
			}
			else {
				log.warn("Backend of route {} unavailable for {} {}: {}", route.getId(),
						exchange.getRequest().getMethod(), exchange.getRequest().getPath(), describe(ex));
			}
			return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable",
					"Dịch vụ " + ServiceNames.of(route.getId())
							+ " đang tạm gián đoạn, vui lòng thử lại sau ít phút.");
		}
		if (ex instanceof AuthenticationServiceException) {
			// The token could not be checked at all (e.g. Keycloak's key set unreachable): not the user's fault.
			log.warn("Token verification unavailable: {}", describe(ex));
			return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "auth.unavailable",
					"Chưa kiểm tra được phiên đăng nhập lúc này, vui lòng thử lại sau ít phút.");
		}
		if (status.is5xxServerError()) {
			log.error("Unexpected error for {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
					ex);
		}
		return switch (status) {
			case NOT_FOUND -> this.problems.write(exchange, status, "not.found",
					"Không tìm thấy địa chỉ được yêu cầu.");
			case METHOD_NOT_ALLOWED -> this.problems.write(exchange, status, "method.not-allowed",
					"Địa chỉ này không hỗ trợ phương thức " + exchange.getRequest().getMethod().name() + ".");
			case NOT_ACCEPTABLE -> this.problems.write(exchange, status, "not.acceptable",
					"Không có định dạng phản hồi phù hợp với yêu cầu.");
			case CONTENT_TOO_LARGE -> this.problems.write(exchange, status, "payload.too-large",
					"Dữ liệu gửi lên quá lớn.");
			case UNSUPPORTED_MEDIA_TYPE -> this.problems.write(exchange, status, "media-type.unsupported",
					"Định dạng dữ liệu gửi lên không được hỗ trợ.");
			case BAD_REQUEST -> this.problems.write(exchange, status, "request.invalid", "Yêu cầu không hợp lệ.");
			default -> status.is4xxClientError()
					? this.problems.write(exchange, status, "request.rejected", "Yêu cầu không thực hiện được.")
					: this.problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal.error",
							"Đã có lỗi xảy ra ở cổng dịch vụ, vui lòng thử lại sau.");
		};
	}

	private static HttpStatus statusOf(Throwable ex) {
		HttpStatusCode code = null;
		if (ex instanceof ErrorResponse response) {
			code = response.getStatusCode();
		}
		else {
			ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
			if (annotated != null) {
				code = annotated.code();
			}
		}
		return Optional.ofNullable(code)
			.map(c -> HttpStatus.resolve(c.value()))
			.orElse(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root == ex ? ex.toString() : ex + " (cause: " + root + ")";
	}

}
