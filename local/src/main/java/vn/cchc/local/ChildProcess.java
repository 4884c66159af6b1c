package vn.cchc.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One operating-system process of the stack: started from a fixed command, its stdout and stderr
 * appended to {@code <data>/logs/<name>.log}, stopped together with every descendant (a shell
 * script such as {@code kc.sh} runs the real JVM as its child).
 */
final class ChildProcess {

	private static final String START_MARKER = "==== cchc-local ";

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path workingDirectory;

	private final Path log;

	private volatile Process process;

	ChildProcess(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
			Path log) {
		this.name = name;
		this.command = List.copyOf(command);
		this.environment = new LinkedHashMap<>(environment);
		this.workingDirectory = workingDirectory;
		this.log = log;
	}

	String name() {
		return this.name;
	}

	Path log() {
		return this.log;
	}

	List<String> command() {
		return this.command;
	}

	synchronized void start() {
		if (isAlive()) {
			return;
		}
		try {
			Files.createDirectories(this.log.getParent());
			Files.createDirectories(this.workingDirectory);
			Files.writeString(this.log,
					START_MARKER + Instant.now() + " start: " + String.join(" ", this.command) + System.lineSeparator(),
					StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
			ProcessBuilder builder = new ProcessBuilder(this.command).directory(this.workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(this.log.toFile()));
			builder.environment().putAll(this.environment);
			Process started = builder.start();
			started.getOutputStream().close();
			this.process = started;
		}
		catch (IOException ex) {
			throw new LocalStackException("Cannot start " + this.name + ": " + ex.getMessage(), ex);
		}
	}

	boolean isAlive() {
		Process current = this.process;
		return current != null && current.isAlive();
	}

	Optional<Process> process() {
		return Optional.ofNullable(this.process);
	}

	/** The process and its descendants, while they run. */
	List<ProcessHandle> handles() {
		Process current = this.process;
		if (current == null) {
			return List.of();
		}
		List<ProcessHandle> handles = new ArrayList<>();
		handles.add(current.toHandle());
		current.toHandle().descendants().forEach(handles::add);
		return handles.stream().filter(ProcessHandle::isAlive).toList();
	}

	/** SIGTERM to the whole tree, then SIGKILL to whatever is still alive after the grace period. */
	synchronized void stop(Duration grace) {
		Process current = this.process;
		if (current == null) {
			return;
		}
		List<ProcessHandle> tree = new ArrayList<>();
		tree.add(current.toHandle());
		current.toHandle().descendants().forEach(tree::add);
		tree.forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + grace.toNanos();
		for (ProcessHandle handle : tree) {
			awaitExit(handle, Math.max(0, deadline - System.nanoTime()));
		}
		kill(tree);
		this.process = null;
	}

	/** SIGKILL to the whole tree at once, like a crash. */
	synchronized void kill() {
		Process current = this.process;
		if (current == null) {
			return;
		}
		List<ProcessHandle> tree = new ArrayList<>();
		tree.add(current.toHandle());
		current.toHandle().descendants().forEach(tree::add);
		kill(tree);
		this.process = null;
	}

	private static void kill(List<ProcessHandle> tree) {
		for (ProcessHandle handle : tree) {
			if (handle.isAlive()) {
				handle.destroyForcibly();
			}
		}
		for (ProcessHandle handle : tree) {
			awaitExit(handle, TimeUnit.SECONDS.toNanos(10));
		}
	}

	/**
	 * Polls instead of {@code onExit()}: those futures complete on the common fork-join pool, which
	 * may be blocked (a shutdown hook started from it), and then no exit would ever be seen.
	 */
	private static void awaitExit(ProcessHandle handle, long nanos) {
		long deadline = System.nanoTime() + nanos;
		while (handle.isAlive() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * {@code nice -n N} when the system property gives a niceness, otherwise nothing: a benchmark
	 * sets the scheduling priority of a child that has cores of its own in production (the stand-in
	 * database ahead of the services, Keycloak and Kafka behind them). A negative niceness needs
	 * root; without it nice says so and runs the command as it is.
	 */
	static List<String> nicePrefix(String property) {
		String niceness = System.getProperty(property, "").strip();
		return niceness.isEmpty() ? List.of() : List.of("nice", "-n", niceness);
	}

	/** The last lines of the log, for error messages. */
	String tail(int lines) {
		return tail(this.log, lines);
	}

	static String tail(Path file, int lines) {
		if (!Files.isRegularFile(file)) {
			return "(no log at " + file + ")";
		}
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			long length = raf.length();
			long from = Math.max(0, length - 64 * 1024);
			byte[] bytes = new byte[(int) (length - from)];
			raf.seek(from);
			raf.readFully(bytes);
			String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
			int start = Math.max(0, all.length - lines);
			return java.util.Arrays.stream(all, start, all.length)
				.map(line -> line.length() > 400 ? line.substring(0, 400) + " …" : line)
				.collect(java.util.stream.Collectors.joining(System.lineSeparator()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether the log written since the last start contains the text. */
	boolean logContains(String text) {
		if (!Files.isRegularFile(this.log)) {
			return false;
		}
		try {
			String content = new String(Files.readAllBytes(this.log), StandardCharsets.UTF_8);
			int lastStart = content.lastIndexOf(START_MARKER);
			return content.indexOf(text, Math.max(0, lastStart)) >= 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		Process current = this.process;
		return this.name + (current == null ? " (stopped)" : " (pid " + current.pid() + ")");
	}

}
