package vn.cchc.loadtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keycloak password logins per second: a short closed loop of password grants (client
 * {@code cchc-local-cli}) by {@code threads} clients for {@code seconds}, cycling through the
 * citizens {@link PrepareCitizens} created ({@code prefix}, {@code users}). Reports logins/s,
 * latency percentiles, failures, and Keycloak's CPU (process found by its port) over the run.
 */
public final class LoginRate {

	private LoginRate() {
	}

	public static void main(String[] args) throws Exception {
		String keycloak = Http.setting("keycloak", "http://127.0.0.1:8630");
		int keycloakPort = Integer.parseInt(keycloak.replaceAll(".*:(\\d+).*", "$1"));
		String prefix = Http.setting("prefix", "");
		if (prefix.isEmpty()) {
			throw new IllegalArgumentException("-Dprefix=<prefix of the prepared citizens> is required");
		}
		int users = Http.setting("users", 1000);
		int threads = Http.setting("threads", 4);
		int seconds = Http.setting("seconds", 30);
		Http http = new Http();

		// Warm-up: a few logins so the first class loading is not counted.
		for (int i = 0; i < threads; i++) {
			http.passwordGrant(keycloak, "cchc", "cchc-local-cli", PrepareCitizens.username(prefix, i),
					PrepareCitizens.PASSWORD);
		}
		Long pid = Monitor.pidListeningOn(keycloakPort);
		long cpuBefore = pid == null ? -1 : cpuTicks(pid);
		long[] latencies = new long[1 << 20];
		AtomicInteger count = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					while (System.nanoTime() < deadline) {
						int n = count.getAndIncrement();
						long t0 = System.nanoTime();
						Http.Answer answer = http.passwordGrant(keycloak, "cchc", "cchc-local-cli",
								PrepareCitizens.username(prefix, n % users), PrepareCitizens.PASSWORD);
						if (answer.status() != 200) {
							failures.incrementAndGet();
						}
						if (n < latencies.length) {
							latencies[n] = System.nanoTime() - t0;
						}
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		int n = Math.min(count.get(), latencies.length);
		long[] sorted = Arrays.copyOf(latencies, n);
		Arrays.sort(sorted);
		double cpu = pid == null ? Double.NaN : (cpuTicks(pid) - cpuBefore) / 100.0 / elapsed * 100;
		System.out.printf(Locale.ROOT,
				"[logins] %d password grants in %.1f s with %d clients: %.1f logins/s, failures %d, p50 %d ms, p95 %d ms, "
						+ "p99 %d ms; Keycloak CPU %.0f %% of one core (%.1f logins per core-second); load average %s; %s%n",
				n, elapsed, threads, n / elapsed, failures.get(), sorted[n / 2] / 1_000_000,
				sorted[(int) (n * 0.95)] / 1_000_000, sorted[Math.min(n - 1, (int) (n * 0.99))] / 1_000_000, cpu,
				n / elapsed / (cpu / 100), Http.loadAverage(), Machine.describe());
	}

	private static long cpuTicks(long pid) {
		try {
			String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (java.io.IOException | RuntimeException ex) {
			return -1;
		}
	}

}
