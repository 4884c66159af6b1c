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
 * change: {@link #messages} for a new document, {@link #append} for an update.
 */
public class Outbox {

	private final Clock clock;

	private final EventCodec codec;

	private final TraceContextBridge trace;

	private final String source;

	public Outbox(Clock clock, EventCodec codec, TraceContextBridge trace, String applicationName) {
		this.clock = clock;
		this.codec = codec;
		this.trace = trace;
		this.source = "/cchc/" + applicationName;
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

}
