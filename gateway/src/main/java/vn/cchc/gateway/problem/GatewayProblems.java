package vn.cchc.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the errors the gateway itself answers (401, 404, 429, 503, ...) as RFC 9457 problem
 * details, shaped like the services' own: {@code type}, {@code title}, {@code status},
 * {@code detail} in Vietnamese, {@code instance} and a stable {@code code}.
 */
@Component
public final class GatewayProblems {

	/** Same prefix the services use, so a client resolves every {@code type} the same way. */
	public static final String TYPE_PREFIX = "https://cchc.vn/problems/";

	private final JsonMapper json;

	GatewayProblems(JsonMapper json) {
		this.json = json;
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
		return write(exchange, status, code, title(status), detail);
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String title, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TYPE_PREFIX + code);
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		problem.put("code", code);
		byte[] body = this.json.writeValueAsBytes(problem);
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setContentLength(body.length);
		headers.setCacheControl("no-store");
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	/** Short Vietnamese titles per status, so a title never falls back to English. */
	static String title(HttpStatus status) {
		return switch (status.value()) {
			case 400 -> "Yêu cầu không hợp lệ";
			case 401 -> "Chưa đăng nhập";
			case 403 -> "Không có quyền";
			case 404 -> "Không tìm thấy";
			case 405 -> "Phương thức không được hỗ trợ";
			case 406 -> "Không có định dạng phù hợp";
			case 413 -> "Dữ liệu quá lớn";
			case 415 -> "Định dạng không được hỗ trợ";
			case 429 -> "Quá nhiều yêu cầu";
			case 503 -> "Dịch vụ tạm thời không sẵn sàng";
			default -> status.is5xxServerError() ? "Lỗi hệ thống" : "Yêu cầu không thực hiện được";
		};
	}

}
