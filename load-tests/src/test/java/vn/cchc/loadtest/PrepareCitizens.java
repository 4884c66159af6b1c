package vn.cchc.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything the simulation needs, done BEFORE it runs, against a running local stack:
 * <ol>
 * <li>creates {@code users} citizens in Keycloak (Admin API partial import, role {@code citizen});</li>
 * <li>as the demo organizer, creates and publishes {@code contests} contests with {@code rounds}
 * quiz rounds each (10 questions, 15 minutes, one attempt), open now;</li>
 * <li>logs every citizen in with a password grant (client {@code cchc-local-cli}), timing the
 * logins (the Keycloak login rate is reported);</li>
 * <li>enrols every citizen in every contest through the gateway;</li>
 * <li>writes {@code out} (default {@code target/citizens.csv}: user name and access token per
 * citizen) and next to it {@code citizens.rounds} (the round ids). Every (citizen, round) pair is
 * one quiz session of the simulation, used once, round by round.</li>
 * </ol>
 * Settings are system properties: {@code keycloak}, {@code gateway}, {@code users},
 * {@code contests}, {@code rounds}, {@code threads}, {@code prefix}, {@code out}.
 */
public final class PrepareCitizens {

	static final String PASSWORD = "cchc-bench-1";

	private PrepareCitizens() {
	}

	public static void main(String[] args) throws Exception {
		String keycloak = Http.setting("keycloak", "http://127.0.0.1:8630");
		String gateway = Http.setting("gateway", "http://127.0.0.1:8530");
		int users = Http.setting("users", 1000);
		int contests = Http.setting("contests", 4);
		int rounds = Http.setting("rounds", 40);
		int threads = Http.setting("threads", 4);
		String prefixSetting = Http.setting("prefix", "bench" + (System.currentTimeMillis() / 1000 % 1_000_000));
		Path out = Http.path("out", "target/citizens.csv");
		boolean reuse = Boolean.parseBoolean(Http.setting("reuse", "false"));
		String prefix = reuse ? reusedPrefix(out, prefixSetting) : prefixSetting;
		Http http = new Http();

		// -Dreuse=true (see reusedPrefix): the citizens and their tokens from an earlier run (still valid), new contests and
		// enrolments only (e.g. after restarting the stack with an in-memory MongoDB).
		String[] tokens = new String[users];
		if (reuse) {
			List<String> lines = Files.readAllLines(out);
			if (lines.size() - 1 < users) {
				throw new IllegalStateException("only " + (lines.size() - 1) + " citizens in " + out);
			}
			for (int u = 0; u < users; u++) {
				String[] cells = lines.get(u + 1).split(",", 2);
				tokens[u] = cells[1];
			}
		}
		long t0 = System.nanoTime();
		if (!reuse) {
			createUsers(http, keycloak, prefix, users);
		}
		double createSeconds = seconds(t0);
		if (!reuse) {
			say("%d citizens created in Keycloak in %.1f s (%.1f/s)", users, createSeconds, users / createSeconds);
		}

		String organizer = http.accessToken(keycloak, "cchc", "cchc-local-cli", "organizer", "cchc-demo");
		List<Contest> created = new ArrayList<>();
		for (int c = 0; c < contests; c++) {
			created.add(createContest(http, gateway, organizer, prefix + " #" + (c + 1), rounds));
		}
		say("%d contests with %d quiz rounds each published", contests, rounds);

		// Logins: a closed loop of `threads` workers, as a login wave would hit Keycloak.
		long[] loginNanos = new long[users];
		AtomicInteger next = new AtomicInteger(reuse ? users : 0);
		long t1 = System.nanoTime();
		runParallel(threads, () -> {
			for (int i = next.getAndIncrement(); i < users; i = next.getAndIncrement()) {
				long start = System.nanoTime();
				tokens[i] = http.accessToken(keycloak, "cchc", "cchc-local-cli", username(prefix, i), PASSWORD);
				loginNanos[i] = System.nanoTime() - start;
			}
		});
		double loginSeconds = reuse ? Double.NaN : seconds(t1);
		long[] sorted = loginNanos.clone();
		java.util.Arrays.sort(sorted);
		if (!reuse) {
			say("machine: %s", Machine.describe());
			say("%d password logins in %.1f s with %d parallel clients: %.1f logins/s, p50 %d ms, p99 %d ms", users,
				loginSeconds, threads, users / loginSeconds, sorted[users / 2] / 1_000_000,
				sorted[Math.min(users - 1, (int) (users * 0.99))] / 1_000_000);
		}

		AtomicInteger enrolNext = new AtomicInteger();
		long t2 = System.nanoTime();
		runParallel(Math.max(threads, 8), () -> {
			for (int n = enrolNext.getAndIncrement(); n < users * contests; n = enrolNext.getAndIncrement()) {
				int user = n / contests;
				Contest contest = created.get(n % contests);
				Http.Answer enrolled = http.post(gateway + "/api/registration/contests/" + contest.id() + "/enrolments",
						tokens[user], Map.of("fullName", "Thí sinh " + username(prefix, user), "category", "citizen",
								"unitCode", "BS-KP1"));
				enrolled.expect(201, 409);
			}
		});
		say("%d enrolments in %.1f s", users * contests, seconds(t2));

		Files.createDirectories(out.toAbsolutePath().getParent());
		StringBuilder csv = new StringBuilder("user,token\n");
		for (int u = 0; u < users; u++) {
			csv.append(username(prefix, u)).append(',').append(tokens[u]).append('\n');
		}
		Files.writeString(out, csv);
		List<String> roundIds = created.stream().flatMap(c -> c.roundIds().stream()).toList();
		Files.write(rounds(out), roundIds);
		// New rounds, so every session is unused again (QuizSimulation counts used ones in citizens.used).
		Files.deleteIfExists(used(out));
		long lines = (long) users * roundIds.size();
		if (reuse) {
			say("%d sessions (reused citizens)", lines);
			return;
		}
		Files.writeString(out.resolveSibling("prepare-summary.txt"),
				String.format("prefix=%s%nusers=%d%nusers_created_per_s=%.1f%nlogins_per_s=%.1f%nlogin_threads=%d%n"
						+ "login_p50_ms=%d%nlogin_p99_ms=%d%nsessions=%d%nprepared_at=%s%n", prefix, users,
						users / createSeconds, users / loginSeconds, threads, sorted[users / 2] / 1_000_000,
						sorted[Math.min(users - 1, (int) (users * 0.99))] / 1_000_000, lines, Instant.now()));
		say("%d citizens' tokens written to %s, %d rounds to %s: %d sessions (tokens expire after the realm's "
				+ "access-token lifespan: run the simulation soon)", users, out, roundIds.size(), rounds(out), lines);
	}

	/** The file of round ids next to the citizens file ({@code citizens.csv} → {@code citizens.rounds}). */
	static Path rounds(Path citizens) {
		return sibling(citizens, ".rounds");
	}

	/** How many sessions runs have used, next to the citizens file ({@code citizens.used}). */
	static Path used(Path citizens) {
		return sibling(citizens, ".used");
	}

	private static Path sibling(Path citizens, String extension) {
		return citizens.resolveSibling(citizens.getFileName().toString().replaceFirst("\\.csv$", "") + extension);
	}

	/** The user-name prefix of the citizens already in {@code citizens} (first data line). */
	static String reusedPrefix(Path citizens, String fallback) throws IOException {
		List<String> lines = Files.readAllLines(citizens);
		if (lines.size() < 2) {
			return fallback;
		}
		String first = lines.get(1).split(",", 2)[0];
		return first.substring(0, first.lastIndexOf('-'));
	}

	static String username(String prefix, int i) {
		return prefix + "-" + i;
	}

	/** Users by partial import, in batches (an admin token per batch: master-realm tokens live a minute). */
	private static void createUsers(Http http, String keycloak, String prefix, int users) {
		int batch = 100;
		for (int from = 0; from < users; from += batch) {
			String admin = http.accessToken(keycloak, "master", "admin-cli", "admin", "cchc-demo");
			ObjectNode body = Http.JSON.createObjectNode();
			body.put("ifResourceExists", "SKIP");
			ArrayNode list = body.putArray("users");
			for (int i = from; i < Math.min(users, from + batch); i++) {
				ObjectNode user = list.addObject();
				user.put("username", username(prefix, i));
				user.put("enabled", true);
				user.put("email", username(prefix, i) + "@bench.example.org");
				user.put("emailVerified", true);
				user.put("firstName", "Bench");
				user.put("lastName", Integer.toString(i));
				user.putArray("realmRoles").add("citizen");
				ObjectNode credential = user.putArray("credentials").addObject();
				credential.put("type", "password");
				credential.put("value", PASSWORD);
				credential.put("temporary", false);
			}
			http.post(keycloak + "/admin/realms/cchc/partialImport", admin, body).expect(200);
		}
	}

	record Contest(String id, List<String> roundIds) {
	}

	private static Contest createContest(Http http, String gateway, String organizer, String title, int rounds) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		ObjectNode body = Http.JSON.createObjectNode();
		body.put("title", "Hội thi tải thử " + title);
		body.put("organizer", "UBND phường Bồng Sơn");
		body.put("timeZone", "Asia/Ho_Chi_Minh");
		ArrayNode units = body.putArray("units");
		units.addObject().put("code", "BS-KP1").put("name", "Khu phố 1").put("group", "khu-pho").put("headcount", 0);
		ArrayNode list = body.putArray("rounds");
		for (int r = 0; r < rounds; r++) {
			ObjectNode round = list.addObject();
			round.put("kind", "quiz");
			round.put("title", "Vòng trắc nghiệm " + (r + 1));
			round.put("opensAt", now.minus(1, ChronoUnit.HOURS).toString());
			round.put("closesAt", now.plus(1, ChronoUnit.DAYS).toString());
			ObjectNode quiz = round.putObject("quiz");
			quiz.put("bankCode", "cchc-mau");
			quiz.put("questionCount", 10);
			quiz.put("timeLimitSeconds", 900);
			quiz.put("attemptsAllowed", 1);
			quiz.put("counting", "first");
		}
		JsonNode created = http.post(gateway + "/api/registration/contests", organizer, body).expect(201).json();
		String id = created.path("id").asText();
		List<String> roundIds = new ArrayList<>();
		created.path("rounds").forEach(round -> roundIds.add(round.path("roundId").asText()));
		http.post(gateway + "/api/registration/contests/" + id + "/publish", organizer, "{}").expect(200);
		return new Contest(id, List.copyOf(roundIds));
	}

	private static void runParallel(int threads, Runnable work) throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(work));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	static void say(String format, Object... args) {
		System.out.println("[prepare] " + String.format(format, args));
	}

	static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
