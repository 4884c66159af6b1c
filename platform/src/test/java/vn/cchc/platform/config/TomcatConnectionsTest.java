package vn.cchc.platform.config;

import java.lang.reflect.Method;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.apache.tomcat.util.net.SocketProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TomcatConnectionsTest {

	@Test
	void closedConnectionsBuffersAreKeptForTheNextOnesWhateverTheHeap() throws Exception {
		// What Tomcat does on its own: the cache is sized from the heap, and is off at 2 GB or less.
		assertThat(new SocketProperties().getActualBufferPool(0))
			.as("Tomcat's own cache at this test's heap (%d MB)", Runtime.getRuntime().maxMemory() >> 20)
			.isEqualTo(Runtime.getRuntime().maxMemory() <= Integer.MAX_VALUE ? 0 : (int) (Runtime.getRuntime().maxMemory() / 32 / 16384));
		Connector connector = new Connector();
		new PlatformAutoConfiguration.TomcatConnections().connectionBufferCache(2000).customize(connector);
		assertThat(socketProperties(connector).getBufferPool()).isEqualTo(2000);
		assertThat(socketProperties(connector).getActualBufferPool(0)).isEqualTo(2000);
	}

	/** The endpoint's socket settings (protected in Tomcat: read as its own tests do). */
	private static SocketProperties socketProperties(Connector connector) throws ReflectiveOperationException {
		Method endpoint = AbstractProtocol.class.getDeclaredMethod("getEndpoint");
		endpoint.setAccessible(true);
		return ((AbstractEndpoint<?, ?>) endpoint.invoke(connector.getProtocolHandler())).getSocketProperties();
	}

}
