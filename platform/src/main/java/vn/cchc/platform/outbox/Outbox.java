package vn.cchc.platform.outbox;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.query.Update;

import vn.cchc.contracts.CchcEvent;
import vn.cchc.contracts.EventType;
import vn.cchc.contracts.EventTypes;
import vn.cchc.platform.events.EventCodec;
import vn.cchc.platform.events.TraceContextBridge;

/**
 * Turns the events an aggregate returned into outbox messages, to be written with the state
 * change: {@link #messages} for a new document, {@link #append} for an update; then
 * {@link #written} once the write succeeded.
 */
public class Outbox {

	private final Clock clock;

	private final EventCodec codec;

	private final TraceContextBridge trace;

	private final String source;

	private final OutboxHints hints;

	public Outbox(Clock clock, EventCodec codec, TraceContextBridge trace, String applicationName) {
		this(clock, codec, trace, applicationName, new OutboxHints());
	}

	public Outbox(Clock clock, EventCodec codec, TraceContextBridge trace, String applicationName, OutboxHints hints) {
		this.clock = clock;
		this.codec = codec;
		this.trace = trace;
		this.source = "/cchc/" + applicationName;
		this.hints = hints;
	}

	public OutboxMessage message(CchcEvent event) {
		EventType type = EventTypes.of(event);
		return new OutboxMessage(UUID.randomUUID().toString(), type.name(), type.topic(), event.subject(),
				this.source, this.clock.instant(), event.subject(), event.contestId(), this.trace.current(),
				this.codec.encode(event));
	}

	public List<OutboxMessage> messages(CchcEvent... events) {
		return Arrays.stream(events).map(this::message).toList();
	}

	/** Adds the events to {@code update} so they are pushed in the same single-document write. */
	public Update append(Update update, CchcEvent... events) {
		return update.push(OutboxMessage.FIELD).each(messages(events).toArray());
	}

	/**
	 * Tells the relay that the write carrying messages into document {@code id} of
	 * {@code collection} succeeded: it publishes them at its next turn, reading the document by
	 * {@code _id}. Without this call the messages still leave, at the relay's next search of the
	 * collection ({@code cchc.outbox.sweep-interval}).
	 */
	public void written(String collection, Object id) {
		this.hints.add(collection, id);
	}

}
