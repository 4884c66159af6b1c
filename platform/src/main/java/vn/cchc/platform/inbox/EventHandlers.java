package vn.cchc.platform.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import vn.cchc.contracts.CchcEvent;

/** What one consumer does with each event type it cares about; other known types are skipped. */
public final class EventHandlers {

	private final Map<Class<?>, BiConsumer<CchcEvent, String>> handlers;

	private EventHandlers(Map<Class<?>, BiConsumer<CchcEvent, String>> handlers) {
		this.handlers = Map.copyOf(handlers);
	}

	public static Builder builder() {
		return new Builder();
	}

	Optional<BiConsumer<CchcEvent, String>> handlerFor(CchcEvent event) {
		return Optional.ofNullable(this.handlers.get(event.getClass()));
	}

	public static final class Builder {

		private final Map<Class<?>, BiConsumer<CchcEvent, String>> handlers = new HashMap<>();

		public <T extends CchcEvent> Builder on(Class<T> type, Consumer<? super T> handler) {
			return on(type, (event, eventId) -> handler.accept(event));
		}

		/** For read models that keep the id of the event behind each row (traceability). */
		public <T extends CchcEvent> Builder on(Class<T> type, BiConsumer<? super T, String> handler) {
			this.handlers.put(type, (event, eventId) -> handler.accept(type.cast(event), eventId));
			return this;
		}

		public EventHandlers build() {
			return new EventHandlers(this.handlers);
		}

	}

}
