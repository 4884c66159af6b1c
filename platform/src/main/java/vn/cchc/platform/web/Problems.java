package vn.cchc.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
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
