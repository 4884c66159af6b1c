package vn.cchc.loadtest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the dashboard viewers saw, shared by all of them: counts of connections and messages, and
 * the delay of each message, measured on the load generator's clock (the same machine's clock as
 * the services that stamp the events):
 * <ul>
 * <li><b>event → received</b>: receive time − {@code lastEventAt} (the time the quiz-service stamped on
 * the newest event the view includes), for each message whose {@code lastEventAt} moved forward
 * since the viewer's previous message;</li>
 * <li><b>oldest event of the push → received</b>: receive time − {@code oldestNewEventAt} (the earliest
 * attempt event folded in since the previous push: the worst case of the push), when the stream
 * sends it;</li>
 * <li><b>computed → received</b>: receive time − {@code computedAt} (the stream's push and the
 * gateway), when the stream sends it.</li>
 * </ul>
 */
final class DashboardLag {

	final AtomicLong connected = new AtomicLong();

	final AtomicLong failed = new AtomicLong();

	final AtomicLong dropped = new AtomicLong();

	final AtomicLong messages = new AtomicLong();

	final AtomicLong firstViews = new AtomicLong();

	final AtomicLong unchanged = new AtomicLong();

	final AtomicLong unreadable = new AtomicLong();

	final AtomicLong bytes = new AtomicLong();

	final Histogram newest = histogram();

	final Histogram oldest = histogram();

	final Histogram delivery = histogram();

	final AtomicLong firstMillis = new AtomicLong(Long.MAX_VALUE);

	final AtomicLong lastMillis = new AtomicLong();

	private static Histogram histogram() {
		Histogram h = new ConcurrentHistogram(3);
		h.setAutoResize(true);
		return h;
	}

	/**
	 * One message as Gatling buffered it: {@code {"event":"dashboard","data":{...}}} (data as JSON, or as
	 * a string when it was not valid JSON). Returns the view's {@code lastEventAt} (null if absent), so
	 * the viewer can tell the next message whether it moved.
	 * @param first the viewer's first message (the snapshot sent on connection: not a delay)
	 */
	String record(long receivedMillis, String message, String previousLastEventAt, boolean first) {
		JsonNode data;
		try {
			JsonNode event = Http.JSON.readTree(message);
			data = event.path("data");
			if (data.isTextual()) {
				data = Http.JSON.readTree(data.asText());
			}
		}
		catch (Exception ex) {
			this.unreadable.incrementAndGet();
			return previousLastEventAt;
		}
		if (!data.isObject() || !data.has("lastEventAt")) {
			// heartbeat comments or anything else that is not a dashboard view
			return previousLastEventAt;
		}
		this.messages.incrementAndGet();
		this.bytes.addAndGet(message.length());
		this.firstMillis.accumulateAndGet(receivedMillis, Math::min);
		this.lastMillis.accumulateAndGet(receivedMillis, Math::max);
		String lastEventAt = data.path("lastEventAt").isTextual() ? data.path("lastEventAt").asText() : null;
		if (first) {
			this.firstViews.incrementAndGet();
			return lastEventAt;
		}
		if (lastEventAt == null || lastEventAt.equals(previousLastEventAt)) {
			this.unchanged.incrementAndGet();
			return lastEventAt;
		}
		add(this.newest, receivedMillis, lastEventAt);
		add(this.oldest, receivedMillis, data.path("oldestNewEventAt").asText(null));
		add(this.delivery, receivedMillis, data.path("computedAt").asText(null));
		return lastEventAt;
	}

	private void add(Histogram histogram, long receivedMillis, String instant) {
		if (instant == null) {
			return;
		}
		try {
			histogram.recordValue(Math.max(0, receivedMillis - Instant.parse(instant).toEpochMilli()));
		}
		catch (DateTimeParseException ex) {
			this.unreadable.incrementAndGet();
		}
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("| delay | samples | p50 ms | p95 ms | p99 ms | max ms | over 2 s |\n|---|---|---|---|---|---|---|\n");
		row(md, "event → received (lastEventAt)", this.newest);
		row(md, "oldest event of the push → received (oldestNewEventAt)", this.oldest);
		row(md, "computed → received (computedAt)", this.delivery);
		long seconds = Math.max(1, (this.lastMillis.get() - Math.min(this.firstMillis.get(), this.lastMillis.get())) / 1000);
		md.append(String.format(Locale.ROOT,
				"%nViewers connected %d, failed to connect %d, dropped while open %d. Dashboard messages %d (%.1f/s over %d s, "
						+ "%.1f KB each on average): %d first snapshots, %d with a newer lastEventAt (delays above), "
						+ "%d with the same lastEventAt as the viewer's previous one (not a delay), %d unreadable.%n",
				this.connected.get(), this.failed.get(), this.dropped.get(), this.messages.get(),
				this.messages.get() / (double) seconds, seconds,
				this.messages.get() == 0 ? 0.0 : this.bytes.get() / 1024.0 / this.messages.get(), this.firstViews.get(),
				this.newest.getTotalCount(), this.unchanged.get(), this.unreadable.get()));
		return md.toString();
	}

	private static void row(StringBuilder md, String name, Histogram h) {
		long n = h.getTotalCount();
		if (n == 0) {
			md.append("| ").append(name).append(" | 0 | – | – | – | – | – |\n");
			return;
		}
		long over = n - h.getCountBetweenValues(0, 2000);
		md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d (%.2f %%) |%n", name, n,
				h.getValueAtPercentile(50), h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getMaxValue(), over,
				100.0 * over / n));
	}

}
