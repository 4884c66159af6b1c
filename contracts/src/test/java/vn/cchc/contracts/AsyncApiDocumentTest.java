package vn.cchc.contracts;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncApiDocumentTest {

	@SuppressWarnings("unchecked")
	private static Map<String, Object> document() throws Exception {
		try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
			return new Yaml().load(in);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void every_event_type_is_documented_on_its_topic() throws Exception {
		Map<String, Object> doc = document();
		Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>) doc.get("components"))
			.get("messages");
		Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) doc.get("channels");
		for (EventType type : EventTypes.ALL) {
			String messageName = type.dataClass().getSimpleName();
			assertThat(messages).as("message %s", messageName).containsKey(messageName);
			assertThat(((Map<String, Object>) messages.get(messageName)).get("name")).isEqualTo(type.name());
			Map<String, Object> channel = channels.values()
				.stream()
				.filter(c -> type.topic().equals(c.get("address")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no channel for " + type.topic()));
			assertThat((Map<String, Object>) channel.get("messages")).containsKey(messageName);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void the_document_names_nothing_the_contracts_do_not_have() throws Exception {
		Map<String, Object> doc = document();
		Set<String> documentedTopics = new HashSet<>();
		((Map<String, Map<String, Object>>) doc.get("channels")).values()
			.forEach(c -> documentedTopics.add((String) c.get("address")));
		assertThat(documentedTopics).containsExactlyInAnyOrderElementsOf(Topics.ALL);
		Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>) doc.get("components"))
			.get("messages");
		assertThat(messages).hasSameSizeAs(EventTypes.ALL);
	}

	/** The records under a sealed family, through nested sealed interfaces. */
	private static Set<Class<?>> records(Class<?> sealed) {
		Set<Class<?>> records = new HashSet<>();
		for (Class<?> sub : sealed.getPermittedSubclasses()) {
			if (sub.isRecord()) {
				records.add(sub);
			}
			else {
				records.addAll(records(sub));
			}
		}
		return records;
	}

	@Test
	void every_event_record_has_exactly_one_type() {
		Set<Class<?>> registered = new HashSet<>();
		EventTypes.ALL.forEach(t -> registered.add(t.dataClass()));
		for (Class<?> record : records(CchcEvent.class)) {
			assertThat(registered).as("type for %s", record.getSimpleName()).contains(record);
		}
		assertThat(registered).hasSameSizeAs(EventTypes.ALL);
	}

}
