package vn.cchc.platform.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import vn.cchc.contracts.CchcEvent;

/** What one consumer does with each event type it cares about; other known types are skipped. */
public final class EventHandlers {

	private final Map<Class<?>, Consumer<CchcEvent>> handlers;

	private EventHandlers(Map<Class<?>, Consumer<CchcEvent>> handlers) {
		this.handlers = Map.copyOf(handlers);
	}

	public static Builder builder() {
		return new Builder();
	}

	Optional<Consumer<CchcEvent>> handlerFor(CchcEvent event) {
		return Optional.ofNullable(this.handlers.get(event.getClass()));
	}

	public static final class Builder {

		private final Map<Class<?>, Consumer<CchcEvent>> handlers = new HashMap<>();

		public <T extends CchcEvent> Builder on(Class<T> type, Consumer<? super T> handler) {
			this.handlers.put(type, event -> handler.accept(type.cast(event)));
			return this;
		}

		public EventHandlers build() {
			return new EventHandlers(this.handlers);
		}

	}

}
