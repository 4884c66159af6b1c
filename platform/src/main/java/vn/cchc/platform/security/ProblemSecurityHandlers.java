package vn.cchc.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import vn.cchc.platform.web.Problems;

/** Writes 401 and 403 from the security filter chain as problem details, in Vietnamese. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	ProblemSecurityHandlers(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer");
		write(response, request, HttpStatus.UNAUTHORIZED, "auth.unauthorized",
				"Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(response, request, HttpStatus.FORBIDDEN, "auth.forbidden",
				"Tài khoản của bạn không có quyền thực hiện thao tác này.");
	}

	private void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String code,
			String detail) throws IOException {
		Problems.write(request, response, status, code, detail, this.json);
	}

}
