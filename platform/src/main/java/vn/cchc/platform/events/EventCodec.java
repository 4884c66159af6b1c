package vn.cchc.platform.events;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

import vn.cchc.contracts.CchcEvent;
import vn.cchc.contracts.EventType;

/**
 * JSON for event data. We write the CloudEvents Kafka binding ourselves (binary mode, attributes
 * in {@code ce_*} headers) instead of using the io.cloudevents SDK, whose JSON format module is
 * built on Jackson 2 while Boot 4 runs on Jackson 3 (see docs/adr/0001-event-envelope.md).
 */
public class EventCodec {

	private final JsonMapper json;

	public EventCodec(JsonMapper json) {
		this.json = json;
	}

	public String encode(CchcEvent event) {
		return this.json.writeValueAsString(event);
	}

	public CchcEvent decode(EventType type, byte[] data) {
		try {
			return this.json.readValue(new String(data, StandardCharsets.UTF_8), type.dataClass());
		}
		catch (RuntimeException ex) {
			throw new PoisonEventException("Cannot read " + type.name() + " data: " + ex.getMessage(), ex);
		}
	}

}
