package vn.cchc.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples, once a second, the CPU time of the processes under test (found by the port they
 * listen on), of this load generator, and of the whole machine, from {@code /proc}; and every
 * few seconds the heap in use of the JVMs that expose {@code /actuator/prometheus}. Linux only.
 *
 * <p>
 * Targets: {@code -Dmonitor=quiz=8532,quiz-2=8536,gateway=8530,mongo=27467,keycloak=8630}; a
 * target whose name starts with {@code quiz} or {@code gateway} also has its heap read.
 */
final class Monitor implements AutoCloseable {

	private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

	private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)$",
			Pattern.MULTILINE);

	/** One sample of every target: CPU ticks, RSS, heap. */
	record Sample(long millis, Map<String, Long> ticks, Map<String, Long> rssKb, Map<String, Long> heapBytes,
			long machineBusy, long machineTotal) {
	}

	private final Map<String, Long> pids = new LinkedHashMap<>();

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	private final List<Sample> samples = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final Thread thread;

	private volatile boolean running = true;

	Monitor(String spec) {
		for (String part : spec.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			String[] nameAndPort = part.strip().split("=");
			int port = Integer.parseInt(nameAndPort[1]);
			Long pid = pidListeningOn(port);
			if (pid == null) {
				System.out.println("[monitor] nothing listens on " + port + " (" + nameAndPort[0] + "), not sampled");
				continue;
			}
			this.pids.put(nameAndPort[0], pid);
			this.ports.put(nameAndPort[0], port);
		}
		this.pids.put("load-generator", ProcessHandle.current().pid());
		System.out.println("[monitor] sampling " + this.pids);
		this.thread = Thread.ofPlatform().daemon().name("monitor").start(this::loop);
	}

	private void loop() {
		int n = 0;
		while (this.running) {
			Map<String, Long> ticks = new LinkedHashMap<>();
			Map<String, Long> rss = new LinkedHashMap<>();
			Map<String, Long> heap = new LinkedHashMap<>();
			// When the ticks are read, not after the heap is fetched over HTTP (per-second rates use it).
			long millis = System.currentTimeMillis();
			long[] machine = machineTicks();
			this.pids.forEach((name, pid) -> {
				ticks.put(name, cpuTicks(pid));
				rss.put(name, rssKb(pid));
			});
			if (n++ % 5 == 0) {
				this.ports.forEach((name, port) -> {
					if (name.startsWith("quiz") || name.startsWith("gateway")) {
						Long bytes = heapBytes(port);
						if (bytes != null) {
							heap.put(name, bytes);
						}
					}
				});
			}
			synchronized (this.samples) {
				this.samples.add(new Sample(millis, ticks, rss, heap, machine[0], machine[1]));
			}
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/**
	 * Per target over [from, to): mean CPU in % of one core, peak RSS (MB) and peak heap in use
	 * (MB); plus the machine's busy share (% of all cores) and the core count.
	 */
	String markdown(String phase, long from, long to) {
		List<Sample> window;
		synchronized (this.samples) {
			window = this.samples.stream().filter(s -> s.millis() >= from && s.millis() <= to).toList();
		}
		if (window.size() < 2) {
			return "";
		}
		Sample first = window.getFirst();
		Sample last = window.getLast();
		StringBuilder out = new StringBuilder();
		for (String name : this.pids.keySet()) {
			Double cpu = cpuPercent(first, last, name);
			if (cpu == null) {
				continue;
			}
			long peakRss = window.stream().mapToLong(s -> s.rssKb().getOrDefault(name, 0L)).max().orElse(0) / 1024;
			long peakHeap = window.stream().mapToLong(s -> s.heapBytes().getOrDefault(name, 0L)).max().orElse(0)
					/ (1024 * 1024);
			out.append(String.format(Locale.ROOT, "| %s | %s | %.0f %% | %d | %s |%n", phase, name, cpu, peakRss,
					peakHeap == 0 ? "–" : Long.toString(peakHeap)));
		}
		out.append(String.format(Locale.ROOT, "| %s | whole machine (%d cores) | %.0f %% of all cores | | |%n", phase,
				Runtime.getRuntime().availableProcessors(), machinePercent(first, last)));
		return out.toString();
	}

	/**
	 * Second by second over the whole run: each target's CPU (% of one core) and the machine's busy
	 * share (% of all cores), as CSV, to line a burst of errors up with what was running then.
	 */
	String timelineCsv() {
		List<Sample> all;
		synchronized (this.samples) {
			all = List.copyOf(this.samples);
		}
		StringBuilder out = new StringBuilder("time");
		this.pids.keySet().forEach(name -> out.append(',').append(name));
		out.append(",machine\n");
		for (int i = 1; i < all.size(); i++) {
			Sample a = all.get(i - 1);
			Sample b = all.get(i);
			out.append(Instant.ofEpochMilli(b.millis()));
			for (String name : this.pids.keySet()) {
				Double cpu = cpuPercent(a, b, name);
				out.append(',').append(cpu == null ? "" : Long.toString(Math.round(cpu)));
			}
			out.append(',').append(Math.round(machinePercent(a, b))).append('\n');
		}
		return out.toString();
	}

	/** A target's CPU between two samples, in % of one core; null when it was not read in both. */
	private static Double cpuPercent(Sample from, Sample to, String name) {
		Long a = from.ticks().get(name);
		Long b = to.ticks().get(name);
		if (a == null || b == null || a < 0 || b < 0) {
			return null;
		}
		double seconds = Math.max(1, to.millis() - from.millis()) / 1000.0;
		return (b - a) / (double) TICKS_PER_SECOND / seconds * 100;
	}

	/** The machine's busy share between two samples, in % of all cores. */
	private static double machinePercent(Sample from, Sample to) {
		return (to.machineBusy() - from.machineBusy()) / (double) Math.max(1, to.machineTotal() - from.machineTotal())
				* 100;
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

	static Long pidListeningOn(int port) {
		try {
			Process ss = new ProcessBuilder("ss", "-ltnpH", "sport = :" + port).redirectErrorStream(true).start();
			String output = new String(ss.getInputStream().readAllBytes());
			ss.waitFor();
			Matcher m = Pattern.compile("pid=(\\d+)").matcher(output);
			return m.find() ? Long.parseLong(m.group(1)) : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static long cpuTicks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ".
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static long rssKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// process gone
		}
		return 0;
	}

	private static long[] machineTicks() {
		try {
			String cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst();
			String[] f = cpu.trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < f.length; i++) {
				total += Long.parseLong(f[i]);
			}
			long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 1 };
		}
	}

	private Long heapBytes(int port) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
						.timeout(Duration.ofSeconds(2))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return null;
			}
			Matcher m = HEAP.matcher(response.body());
			double sum = 0;
			boolean found = false;
			while (m.find()) {
				sum += Double.parseDouble(m.group(1));
				found = true;
			}
			return found ? (long) sum : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
