package vn.cchc.platform.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds problem details the one way the platform writes them. */
public final class Problems {

	public static final String TYPE_PREFIX = "https://cchc.vn/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + code));
		problem.setTitle(title);
		problem.setProperty("code", code);
		return problem;
	}

	/** Writes a problem straight onto a servlet response, for filters that answer before Spring MVC. */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			String detail, JsonMapper json) throws IOException {
		ProblemDetail problem = of(status, code, title(status.value()), detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

	/** Short Vietnamese titles per status, so a title never falls back to English. */
	public static String title(int status) {
		return switch (status) {
			case 400 -> "Yêu cầu không hợp lệ";
			case 401 -> "Chưa đăng nhập";
			case 403 -> "Không có quyền";
			case 404 -> "Không tìm thấy";
			case 405 -> "Phương thức không được hỗ trợ";
			case 409 -> "Xung đột dữ liệu";
			case 413 -> "Dữ liệu quá lớn";
			case 415 -> "Định dạng không được hỗ trợ";
			case 422 -> "Dữ liệu không hợp lệ";
			case 429 -> "Quá nhiều yêu cầu";
			case 503 -> "Dịch vụ tạm thời không sẵn sàng";
			default -> status >= 500 ? "Lỗi hệ thống" : "Yêu cầu không thực hiện được";
		};
	}

}
