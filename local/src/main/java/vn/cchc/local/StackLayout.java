package vn.cchc.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** Where things are: the project's build outputs, the data folder, the JVM to run children with. */
final class StackLayout {

	private static final Properties VERSIONS = versions();

	private final Path projectDir;

	private final Path dataDir;

	StackLayout(Path projectDir, Path dataDir) {
		this.projectDir = projectDir.toAbsolutePath().normalize();
		this.dataDir = dataDir.toAbsolutePath().normalize();
	}

	Path projectDir() {
		return this.projectDir;
	}

	Path dataDir() {
		return this.dataDir;
	}

	Path log(String name) {
		return this.dataDir.resolve("logs").resolve(name + ".log");
	}

	/** The JVM running the launcher (Java 25) runs every child too. */
	Path javaHome() {
		return Path.of(System.getProperty("java.home"));
	}

	Path java() {
		return javaHome().resolve("bin").resolve(isWindows() ? "java.exe" : "java");
	}

	static String projectVersion() {
		return VERSIONS.getProperty("project.version");
	}

	static String keycloakVersion() {
		return VERSIONS.getProperty("keycloak.version");
	}

	Path libDir() {
		return this.projectDir.resolve("local/target/lib");
	}

	/** The unpacked official Keycloak distribution ({@code local/target/keycloak/keycloak-<version>}). */
	Path keycloakDistribution() {
		return this.projectDir.resolve("local/target/keycloak/keycloak-" + keycloakVersion());
	}

	/** Executable jar of a service or the gateway module. */
	Path executableJar(String module) {
		return this.projectDir.resolve(module).resolve("target").resolve(module + "-" + projectVersion() + "-exec.jar");
	}

	/** Jars from {@code local/target/lib}, for the broker. */
	String kafkaClasspath() {
		return String.join(File.pathSeparator, libJars());
	}

	/** The launcher's own classes plus {@code local/target/lib}, for {@link EmbeddedMongoMain}. */
	String mongoClasspath() {
		List<String> entries = new ArrayList<>();
		entries.add(ownCodeLocation().toString());
		entries.addAll(libJars());
		return String.join(File.pathSeparator, entries);
	}

	private List<String> libJars() {
		Path lib = libDir();
		if (!Files.isDirectory(lib)) {
			throw new LocalStackException("No " + lib + ": build the project first (./mvnw -B -Prun -DskipTests package)");
		}
		try (Stream<Path> jars = Files.list(lib)) {
			return jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().map(Path::toString).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path ownCodeLocation() {
		try {
			return Path.of(EmbeddedMongoMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The logback configuration of the broker and MongoDB children, written to the data folder.
	 * Synchronized: the broker and MongoDB start in parallel, and two concurrent copies of the same
	 * file fail even with REPLACE_EXISTING.
	 */
	synchronized Path childLogbackConfig() {
		Path target = this.dataDir.resolve("config/logback-child.xml");
		if (!Files.isRegularFile(target)) {
			try (InputStream in = StackLayout.class.getResourceAsStream("child-logback.xml")) {
				Files.createDirectories(target.getParent());
				Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return target;
	}

	static boolean isWindows() {
		return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
	}

	private static Properties versions() {
		Properties properties = new Properties();
		try (InputStream in = StackLayout.class.getResourceAsStream("local-stack.properties")) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
