package vn.cchc.platform.outbox;

import java.util.List;

/** The collections whose documents carry an {@code outbox}; declare one bean per service. */
public record OutboxCollections(List<String> names) {

	public static OutboxCollections of(String... names) {
		return new OutboxCollections(List.of(names));
	}

}
