package vn.cchc.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import vn.cchc.local.LocalStack;

/**
 * One local stack for the whole test JVM: started by the first test class that needs it, closed
 * by JUnit when the root context closes (the stack is {@link AutoCloseable}). A failed start is
 * remembered, so later classes fail at once instead of trying again. Test methods may declare a
 * {@link LocalStack} parameter.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(LocalStackExtension.class);

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	@Override
	public void beforeAll(ExtensionContext context) {
		stack(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == LocalStack.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return stack(context);
	}

	static LocalStack stack(ExtensionContext context) {
		Started started = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Started.class, key -> start(), Started.class);
		if (started.failure() != null) {
			throw new IllegalStateException("The local stack did not start (see the first failing test)",
					started.failure());
		}
		return started.stack();
	}

	private static Started start() {
		Path projectDir = Path.of(System.getProperty("cchc.e2e.project-dir", "..")).toAbsolutePath().normalize();
		Path dataDir = Path.of(System.getProperty("cchc.e2e.data-dir", "target/local-data")).toAbsolutePath();
		int offset = Integer.parseInt(System.getProperty("cchc.e2e.port-offset", "100"));
		deleteRecursively(dataDir);
		long begin = System.nanoTime();
		LocalStack stack = LocalStack.builder()
			.projectDir(projectDir)
			.dataDir(dataDir)
			.portOffset(offset)
			.seedDemo(false)
			.progress(message -> System.out.println("[" + LocalTime.now().format(CLOCK) + "] " + message))
			.build();
		try {
			stack.start();
			System.out.println("Local stack for the end-to-end tests ready in "
					+ Duration.ofNanos(System.nanoTime() - begin).toSeconds() + " s");
			return new Started(stack, null);
		}
		catch (RuntimeException ex) {
			stack.close();
			return new Started(null, ex);
		}
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The shared stack, or why it could not start; closing it stops the stack. */
	record Started(LocalStack stack, RuntimeException failure) implements AutoCloseable {

		@Override
		public void close() {
			if (this.stack != null) {
				this.stack.close();
			}
		}

	}

}
