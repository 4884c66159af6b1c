package vn.cchc.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.registry.EntryAddedEvent;
import io.github.resilience4j.core.registry.EntryRemovedEvent;
import io.github.resilience4j.core.registry.EntryReplacedEvent;
import io.github.resilience4j.core.registry.RegistryEventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Logs each breaker's state changes once (opened, half-open, closed) instead of every refused call. */
@Component
class CircuitBreakerLog implements RegistryEventConsumer<CircuitBreaker> {

	private static final Logger log = LoggerFactory.getLogger(CircuitBreakerLog.class);

	@Override
	public void onEntryAddedEvent(EntryAddedEvent<CircuitBreaker> event) {
		CircuitBreaker breaker = event.getAddedEntry();
		breaker.getEventPublisher()
			.onStateTransition(transition -> log.warn("Circuit breaker of route {}: {}", breaker.getName(),
					transition.getStateTransition()));
	}

	@Override
	public void onEntryRemovedEvent(EntryRemovedEvent<CircuitBreaker> event) {
	}

	@Override
	public void onEntryReplacedEvent(EntryReplacedEvent<CircuitBreaker> event) {
	}

}
