package vn.cchc.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

import vn.cchc.gateway.problem.GatewayProblems;

/** A request carried a token that is forged, expired or not meant for us: 401 as a problem detail. */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	private final GatewayProblems problems;

	ProblemAuthenticationEntryPoint(GatewayProblems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
		return this.problems.write(exchange, HttpStatus.UNAUTHORIZED, "auth.unauthorized",
				"Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.");
	}

}
