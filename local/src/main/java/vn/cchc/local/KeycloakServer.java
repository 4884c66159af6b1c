package vn.cchc.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak from the official distribution. {@code kc.sh build --db=dev-file} runs once per project
 * checkout (cached in {@code local/target/keycloak-built}, guarded by a marker and a file lock); each
 * data folder gets its own copy of the built distribution, since Keycloak keeps its H2 database and
 * the realm to import under its home directory. The realm is imported on the first start only.
 */
final class KeycloakServer {

	private static final String BUILD_OPTIONS = "--db=dev-file";

	private final StackLayout layout;

	private final Ports ports;

	KeycloakServer(StackLayout layout, Ports ports) {
		this.layout = layout;
		this.ports = ports;
	}

	String url() {
		return "http://localhost:" + this.ports.keycloak();
	}

	String readinessUrl() {
		return "http://127.0.0.1:" + this.ports.keycloak() + "/realms/cchc/.well-known/openid-configuration";
	}

	Path home() {
		return this.layout.dataDir().resolve("keycloak-dist");
	}

	ChildProcess prepare() {
		Path built = builtDistribution();
		Path home = home();
		Path marker = home.resolve(".cchc-copied");
		String origin = "copied from " + built;
		if (!Files.isRegularFile(marker) || !origin.equals(read(marker))) {
			// First start, or a newer Keycloak: replace the distribution, keep data/ (database, import).
			deleteAllBut(home, "data");
			copyRecursively(built, home);
			write(marker, origin);
		}
		Path merged = this.layout.dataDir().resolve("keycloak-import/cchc-realm.json");
		RealmFiles.write(RealmFiles.localRealm(this.layout.projectDir(), this.ports), merged);
		copy(merged, home.resolve("data/import/cchc-realm.json"));

		// A benchmark can put Keycloak behind the services (-Dcchc.local.keycloak-nice, e.g. 10): during a round
		// it is off the quiz path (tokens are issued before), yet its purge of expired sessions runs every
		// 180 s and took up to a core for seconds on this machine (docs/benchmarks.md, fourteenth pass).
		List<String> command = new ArrayList<>(ChildProcess.nicePrefix("cchc.local.keycloak-nice"));
		command.addAll(List.of(bash(), home.resolve("bin/kc.sh").toString(), "start", "--optimized",
				"--http-enabled=true", "--hostname=" + url(), "--http-host=127.0.0.1",
				"--http-port=" + this.ports.keycloak(), "--cache=local", "--import-realm", "--log-console-color=false"));
		return new ChildProcess("keycloak", command, environment(), home, this.layout.log("keycloak"));
	}

	private Map<String, String> environment() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("JAVA_HOME", this.layout.javaHome().toString());
		env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
		env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", RealmFiles.DEMO_PASSWORD);
		env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
		// C1 only starts faster; -Dcchc.local.keycloak-java-opts-append= (empty) gives full JIT, e.g. to measure logins/s.
		env.put("JAVA_OPTS_APPEND", System.getProperty("cchc.local.keycloak-java-opts-append", "-XX:TieredStopAtLevel=1"));
		return env;
	}

	/** Builds the distribution once per checkout; concurrent launchers wait for each other. */
	private Path builtDistribution() {
		Path source = this.layout.keycloakDistribution();
		if (!Files.isRegularFile(source.resolve("bin/kc.sh"))) {
			throw new LocalStackException("No Keycloak distribution at " + source
					+ ": build the project first (./mvnw -B -Prun -DskipTests package)");
		}
		Path cache = this.layout.projectDir().resolve("local/target/keycloak-built");
		Path built = cache.resolve("keycloak-" + StackLayout.keycloakVersion());
		Path marker = built.resolve(".cchc-built");
		try {
			Files.createDirectories(cache);
			try (FileChannel channel = FileChannel.open(cache.resolve(".lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
				if (Files.isRegularFile(marker) && Files.readString(marker).equals(BUILD_OPTIONS)) {
					return built;
				}
				Path work = cache.resolve("building");
				deleteRecursively(work);
				deleteRecursively(built);
				copyRecursively(source, work);
				runBuild(work);
				Files.move(work, built, StandardCopyOption.ATOMIC_MOVE);
				write(marker, BUILD_OPTIONS);
				return built;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void runBuild(Path home) {
		ChildProcess build = new ChildProcess("keycloak-build",
				List.of(bash(), home.resolve("bin/kc.sh").toString(), "build", BUILD_OPTIONS), environment(), home,
				this.layout.log("keycloak-build"));
		build.start();
		Process process = build.process().orElseThrow();
		try {
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				build.kill();
				throw new LocalStackException("kc.sh build timed out:" + System.lineSeparator() + build.tail(30));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			build.kill();
			throw new LocalStackException("Interrupted during kc.sh build", ex);
		}
		if (process.exitValue() != 0) {
			throw new LocalStackException("kc.sh build failed (exit " + process.exitValue() + "). Log "
					+ build.log() + ":" + System.lineSeparator() + build.tail(30));
		}
	}

	/** 180 s, or {@code -Dcchc.local.keycloak-start-timeout=<seconds>} (a first start on a loaded machine takes longer). */
	static Duration startTimeout() {
		return Duration.ofSeconds(Long.getLong("cchc.local.keycloak-start-timeout", 180));
	}

	private static String bash() {
		return Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "bash";
	}

	private static void write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteAllBut(Path dir, String keep) {
		if (!Files.isDirectory(dir)) {
			return;
		}
		try (var children = Files.list(dir)) {
			children.filter(child -> !child.getFileName().toString().equals(keep)).forEach(KeycloakServer::deleteRecursively);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void copy(Path from, Path to) {
		try {
			Files.createDirectories(to.getParent());
			Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void copyRecursively(Path from, Path to) {
		try {
			Files.walkFileTree(from, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
					Files.createDirectories(to.resolve(from.relativize(dir).toString()));
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
							StandardCopyOption.REPLACE_EXISTING);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void deleteRecursively(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
					Files.delete(dir);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
