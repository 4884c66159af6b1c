package vn.cchc.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code ./mvnw -B -Prun -DskipTests package} ends here: starts the local stack, prints where
 * everything is, and keeps running until Ctrl-C, which stops every child process.
 *
 * <p>Options: {@code --project-dir=<root>} (default: working directory), {@code --data-dir=<dir>}
 * (default {@code <root>/.local-data}), {@code --port-offset=<n>}, {@code --reset} (delete the data
 * folder first), {@code --no-seed} (no demo contest), {@code --exit-with-parent} (stop everything when
 * the parent process, e.g. Maven, ends), {@code --quiz-instances=<n>} (quiz-service instances behind the
 * gateway), {@code --service-jvm-option=<option>} (repeatable; replaces the services' default JVM options,
 * e.g. for benchmarks), {@code --mongo-in-memory} (embedded MongoDB without its file, for benchmarks).
 */
public final class LocalStackMain {

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private LocalStackMain() {
	}

	public static void main(String[] args) throws Exception {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			out.println("Tham số không hợp lệ: " + ex.getMessage());
			out.println(Options.USAGE);
			System.exit(2);
			return;
		}
		if (options.reset()) {
			reset(options.dataDir(), out);
		}
		long begin = System.nanoTime();
		LocalStack.Builder builder = LocalStack.builder()
			.projectDir(options.projectDir())
			.dataDir(options.dataDir())
			.portOffset(options.portOffset())
			.seedDemo(options.seed())
			.quizInstances(options.quizInstances())
			.mongoInMemory(options.mongoInMemory())
			.progress(message -> out.println("[" + LocalTime.now().format(CLOCK) + "] " + message));
		if (!options.serviceJvmOptions().isEmpty()) {
			builder.serviceJvmOptions(options.serviceJvmOptions());
		}
		LocalStack stack = builder.build();
		CountDownLatch stopped = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			out.println("Đang dừng toàn bộ tiến trình…");
			stack.close();
			out.println("Đã dừng. Dữ liệu vẫn được giữ tại " + options.dataDir());
			stopped.countDown();
		}, "local-stack-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		if (options.exitWithParent()) {
			// Under Maven (exec:exec) a killed build would otherwise leave the launcher and its children running.
			ProcessHandle.current().parent().ifPresent(LocalStackMain::exitWhenGone);
		}
		out.println("Đang khởi động môi trường cục bộ của nền tảng hội thi CCHC (dữ liệu: " + options.dataDir() + ")…");
		try {
			stack.start();
		}
		catch (RuntimeException ex) {
			out.println();
			out.println("KHÔNG KHỞI ĐỘNG ĐƯỢC MÔI TRƯỜNG CỤC BỘ.");
			out.println(ex.getMessage());
			out.println();
			out.println("Nhật ký của từng tiến trình: " + options.dataDir().resolve("logs"));
			out.println("Nếu thiếu tệp jar, hãy build trước: ./mvnw -B -Prun -DskipTests package");
			out.println("Nếu dữ liệu cũ bị hỏng, chạy lại với --reset (xóa thư mục dữ liệu).");
			System.exit(1);
			return;
		}
		long seconds = (System.nanoTime() - begin) / 1_000_000_000L;
		out.println(Banner.render(stack, seconds));
		stopped.await();
	}

	/** Exits (running the shutdown hooks) once the process is gone; polls on a daemon thread of its own. */
	static void exitWhenGone(ProcessHandle parent) {
		Thread.ofPlatform().daemon().name("parent-watch").start(() -> {
			while (parent.isAlive()) {
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
			System.exit(0);
		});
	}

	/** Deletes the data folder, only if the launcher created it (it holds the marker file). */
	static void reset(Path dataDir, PrintStream out) throws IOException {
		if (!Files.exists(dataDir)) {
			return;
		}
		boolean empty;
		try (Stream<Path> entries = Files.list(dataDir)) {
			empty = entries.findAny().isEmpty();
		}
		if (!empty && !Files.exists(dataDir.resolve(LocalStack.DATA_MARKER))) {
			throw new IllegalStateException("Refusing to delete " + dataDir + ": it has no " + LocalStack.DATA_MARKER
					+ " marker, so the local launcher did not create it.");
		}
		out.println("Xóa dữ liệu cục bộ cũ: " + dataDir);
		KeycloakServer.deleteRecursively(dataDir);
	}

	/** Parsed command line. */
	record Options(Path projectDir, Path dataDir, int portOffset, boolean reset, boolean seed,
			boolean exitWithParent, int quizInstances, List<String> serviceJvmOptions, boolean mongoInMemory) {

		static final String USAGE = """
				Cách dùng: LocalStackMain [--project-dir=<thư mục dự án>] [--data-dir=<thư mục dữ liệu>]
				                          [--port-offset=<số>] [--reset] [--no-seed] [--exit-with-parent]
				                          [--quiz-instances=<1..4>] [--service-jvm-option=<tùy chọn JVM>]...
				                          [--mongo-in-memory]""";

		static Options parse(String[] args) {
			Path projectDir = Path.of("").toAbsolutePath();
			Path dataDir = null;
			int offset = 0;
			boolean reset = false;
			boolean seed = true;
			boolean exitWithParent = false;
			int quizInstances = 1;
			boolean mongoInMemory = false;
			List<String> jvmOptions = new ArrayList<>();
			List<String> words = Arrays.stream(args).flatMap(arg -> Arrays.stream(arg.trim().split("\\s+")))
				.filter(word -> !word.isEmpty())
				.toList();
			for (String arg : words) {
				if (arg.startsWith("--project-dir=")) {
					projectDir = Path.of(arg.substring("--project-dir=".length())).toAbsolutePath().normalize();
				}
				else if (arg.startsWith("--data-dir=")) {
					dataDir = Path.of(arg.substring("--data-dir=".length())).toAbsolutePath().normalize();
				}
				else if (arg.startsWith("--port-offset=")) {
					offset = Integer.parseInt(arg.substring("--port-offset=".length()));
				}
				else if (arg.equals("--reset")) {
					reset = true;
				}
				else if (arg.equals("--no-seed")) {
					seed = false;
				}
				else if (arg.equals("--exit-with-parent")) {
					exitWithParent = true;
				}
				else if (arg.equals("--mongo-in-memory")) {
					mongoInMemory = true;
				}
				else if (arg.startsWith("--quiz-instances=")) {
					quizInstances = Integer.parseInt(arg.substring("--quiz-instances=".length()));
					if (quizInstances < 1 || quizInstances > LocalStack.MAX_QUIZ_INSTANCES) {
						throw new IllegalArgumentException(arg + " (1.." + LocalStack.MAX_QUIZ_INSTANCES + ")");
					}
				}
				else if (arg.startsWith("--service-jvm-option=") && arg.length() > "--service-jvm-option=".length()) {
					jvmOptions.add(arg.substring("--service-jvm-option=".length()));
				}
				else {
					throw new IllegalArgumentException(arg);
				}
			}
			return new Options(projectDir, dataDir != null ? dataDir : projectDir.resolve(".local-data"), offset,
					reset, seed, exitWithParent, quizInstances, List.copyOf(jvmOptions), mongoInMemory);
		}

	}

}
