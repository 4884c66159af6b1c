package vn.cchc.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.test.util.TestPropertyValues;

/**
 * One in-memory MongoDB-wire server (mongo-java-server, H2 backend as the local stack) per test JVM on a loopback port, and the initializer that
 * points {@code spring.mongodb.uri} at it. Each Spring test context gets its own database name,
 * so cached contexts never see each other's data.
 */
public final class EmbeddedMongo implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static MongoServer server;

	public static synchronized String uri() {
		if (server == null) {
			// H2 in memory rather than the memory backend: the memory backend hands out its stored
			// documents and encodes them outside its lock, so a read racing a write of the same
			// document fails with a ConcurrentModificationException (seen under concurrent submits).
			server = new MongoServer(H2Backend.inMemory());
			server.bind("127.0.0.1", 0);
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
		}
		return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("spring.mongodb.uri=" + uri(),
					"spring.mongodb.database=test-" + Integer.toHexString(System.identityHashCode(context)))
			.applyTo(context);
	}

}
