package vn.cchc.platform.events;

import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * W3C trace context across the outbox: captured when the event is written (inside the HTTP
 * request's trace) and restored when the relay publishes it later, so the Kafka observation
 * carries the original trace on to the consumers.
 */
public class TraceContextBridge {

	private final Tracer tracer;

	private final Propagator propagator;

	public TraceContextBridge(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** The current {@code traceparent}, or null outside any trace. */
	public String current() {
		if (this.tracer == null) {
			return null;
		}
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		TraceContext context = span.context();
		return "00-" + context.traceId() + "-" + context.spanId() + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
	}

	/** Runs the action in a child span of the given {@code traceparent} (or plainly if none). */
	public <T> T within(String traceparent, String spanName, Supplier<T> action) {
		if (this.tracer == null || this.propagator == null || traceparent == null) {
			return action.get();
		}
		Span span = this.propagator.extract(Map.of("traceparent", traceparent), Map::get).name(spanName).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			return action.get();
		}
		finally {
			span.end();
		}
	}

}
