package vn.cchc.loadtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every request's completion time, response time and outcome, per phase and request type, so
 * that throughput and percentiles can be computed over a phase's plateau (Gatling's own report
 * averages throughput over the whole run, ramps and other phases included).
 */
final class Stats {

	enum Type {

		START, ANSWER, SUBMIT

	}

	/** Samples of one phase, in primitive arrays (millions of requests stay a few tens of MB). */
	static final class Phase {

		final String name;

		long firstMillis = Long.MAX_VALUE;

		long lastMillis;

		private long[] ends = new long[1 << 16];

		private int[] times = new int[1 << 16];

		private byte[] kinds = new byte[1 << 16];

		private int size;

		Phase(String name) {
			this.name = name;
		}

		synchronized void add(Type type, long endMillis, int responseMillis, boolean ok) {
			if (this.size == this.ends.length) {
				int grown = this.size * 2;
				this.ends = Arrays.copyOf(this.ends, grown);
				this.times = Arrays.copyOf(this.times, grown);
				this.kinds = Arrays.copyOf(this.kinds, grown);
			}
			this.ends[this.size] = endMillis;
			this.times[this.size] = responseMillis;
			this.kinds[this.size] = (byte) (type.ordinal() | (ok ? 0 : 0x10));
			this.size++;
			this.firstMillis = Math.min(this.firstMillis, endMillis);
			this.lastMillis = Math.max(this.lastMillis, endMillis);
		}

		/** Count, errors, throughput and percentiles of one type within [from, to). */
		synchronized Row row(Type type, long from, long to) {
			int[] sample = new int[this.size];
			int n = 0;
			int errors = 0;
			for (int i = 0; i < this.size; i++) {
				if ((this.kinds[i] & 0x0f) == type.ordinal() && this.ends[i] >= from && this.ends[i] < to) {
					sample[n++] = this.times[i];
					if ((this.kinds[i] & 0x10) != 0) {
						errors++;
					}
				}
			}
			int[] sorted = Arrays.copyOf(sample, n);
			Arrays.sort(sorted);
			double seconds = Math.max(1, to - from) / 1000.0;
			return new Row(type, n, errors, n / seconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
					pct(sorted, 99.9), n == 0 ? 0 : sorted[n - 1]);
		}

		/** Completed requests of a type per whole second within [from, to): min and max of the series. */
		synchronized int[] perSecondMinMax(Type type, long from, long to) {
			int buckets = (int) Math.max(1, (to - from) / 1000);
			int[] counts = new int[buckets];
			for (int i = 0; i < this.size; i++) {
				if ((this.kinds[i] & 0x0f) == type.ordinal() && this.ends[i] >= from && this.ends[i] < from + buckets * 1000L) {
					counts[(int) ((this.ends[i] - from) / 1000)]++;
				}
			}
			return new int[] { Arrays.stream(counts).min().orElse(0), Arrays.stream(counts).max().orElse(0) };
		}

		private static int pct(int[] sorted, double p) {
			if (sorted.length == 0) {
				return 0;
			}
			int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
		}

	}

	record Row(Type type, int count, int errors, double perSecond, int p50, int p95, int p99, int p999, int max) {

		String markdown(String phase) {
			return String.format(Locale.ROOT, "| %s | %s | %d | %d | %.0f | %d | %d | %d | %d | %d |", phase,
					this.type.name().toLowerCase(Locale.ROOT), this.count, this.errors, this.perSecond, this.p50,
					this.p95, this.p99, this.p999, this.max);
		}

	}

	private static final Map<String, Phase> PHASES = new LinkedHashMap<>();

	private Stats() {
	}

	static synchronized Phase phase(String name) {
		return PHASES.computeIfAbsent(name, Phase::new);
	}

	static synchronized List<Phase> phases() {
		return new ArrayList<>(PHASES.values());
	}

}
