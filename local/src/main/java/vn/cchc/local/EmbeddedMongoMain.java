package vn.cchc.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The local stack's MongoDB: mongo-java-server with its H2 file backend (data survives restarts),
 * run as its own process. Arguments: {@code --port=27017 --file=<data>/mongo/cchc.mv
 * [--host=127.0.0.1] [--parent-pid=<pid>] [--backend=h2|memory]}; with a parent pid it exits when the
 * launcher dies, so a killed launcher leaves no database behind. {@code --backend=memory} keeps
 * everything in memory (lost at exit, {@link SnapshotMemoryBackend}): benchmarks use it, because the
 * H2 file backend stores every document with Java serialisation and would be measured instead of
 * the services.
 */
public final class EmbeddedMongoMain {

	static final String READY = "Embedded MongoDB ready";

	private EmbeddedMongoMain() {
	}

	public static void main(String[] args) throws Exception {
		String host = option(args, "host").orElse("127.0.0.1");
		int port = Integer.parseInt(option(args, "port").orElse("27017"));
		Path file = Path.of(option(args, "file").orElseThrow(() -> new IllegalArgumentException("--file is required")))
			.toAbsolutePath();
		Files.createDirectories(file.getParent());

		boolean memory = option(args, "backend").map("memory"::equals).orElse(false);
		AbstractMongoBackend backend = memory ? new SnapshotMemoryBackend() : new HelloAwareH2Backend(file.toString());
		MongoServer server = new MongoServer(backend);
		server.bind(host, port);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.shutdown();
			stopped.countDown();
		}, "mongo-shutdown"));
		option(args, "parent-pid").map(Long::parseLong).flatMap(ProcessHandle::of).ifPresent(parent -> Thread
			.ofPlatform()
			.daemon()
			.name("parent-watch")
			.start(() -> {
				while (parent.isAlive()) {
					try {
						Thread.sleep(1000);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
				System.exit(0);
			}));
		System.out.println(READY + " on mongodb://" + host + ":" + port + (memory ? " (in memory)" : " (file " + file + ")"));
		System.out.flush();
		while (!stopped.await(2, TimeUnit.SECONDS)) {
			try {
				if (backend instanceof H2Backend h2) {
					h2.commit();
				}
			}
			catch (RuntimeException ex) {
				// the store is closing: the shutdown hook commits and closes it
			}
		}
	}

	/**
	 * Answers {@code hello} (what Spring Boot's MongoDB health check and current drivers send) like
	 * the legacy {@code isMaster}, which is all mongo-java-server 1.47 knows; without it the services'
	 * readiness group, which includes MongoDB, would stay DOWN.
	 */
	static final class HelloAwareH2Backend extends H2Backend {

		HelloAwareH2Backend(String fileName) {
			super(fileName);
		}

		@Override
		public Document handleCommand(Channel channel, String database, String command, Document query) {
			if ("hello".equalsIgnoreCase(command)) {
				Document response = super.handleCommand(channel, database, "isMaster", query);
				response.put("isWritablePrimary", Boolean.TRUE);
				return response;
			}
			return super.handleCommand(channel, database, command, query);
		}

	}

	private static Optional<String> option(String[] args, String name) {
		String prefix = "--" + name + "=";
		for (String arg : args) {
			if (arg.startsWith(prefix)) {
				return Optional.of(arg.substring(prefix.length()));
			}
		}
		return Optional.empty();
	}

}
