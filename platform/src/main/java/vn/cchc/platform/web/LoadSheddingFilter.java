package vn.cchc.platform.web;

import java.io.IOException;
import java.time.Duration;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds load before it piles up: at most {@code cchc.web.max-concurrent-requests} requests are in
 * progress at once (a Resilience4j semaphore bulkhead); beyond that a request waits up to
 * {@code cchc.web.overload-wait} for a place and is then answered 503 with {@code Retry-After}
 * (the quiz page retries it, as it retries a dropped connection). On virtual threads nothing else
 * bounds the requests in progress: past its capacity a service took every request in, each holding
 * its buffers and thread, until its heap filled and it spent its time collecting garbage, long after
 * the load had gone (docs/benchmarks.md, 2026-12-06 fifth pass). Health probes and metrics are never
 * shed, so an overloaded instance is not also restarted.
 */
public final class LoadSheddingFilter extends OncePerRequestFilter {

	private final Bulkhead bulkhead;

	private final JsonMapper json;

	public LoadSheddingFilter(int maxConcurrentRequests, Duration wait, JsonMapper json) {
		this.bulkhead = Bulkhead.of("requests",
				BulkheadConfig.custom().maxConcurrentCalls(maxConcurrentRequests).maxWaitDuration(wait).build());
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.bulkhead.tryAcquirePermission()) {
			reject(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.bulkhead.onComplete();
		}
	}

	/** Requests in progress now (for tests and diagnostics). */
	int inProgress() {
		return this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls() - this.bulkhead.getMetrics().getAvailableConcurrentCalls();
	}

	private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, "1");
		Problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "service.overloaded",
				"Hệ thống đang có quá nhiều người truy cập cùng lúc. Vui lòng thử lại sau giây lát; "
						+ "các câu trả lời đã lưu không bị mất.",
				this.json);
	}

}
