package vn.cchc.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a child until it answers, failing fast (with its log) when it dies on the way. */
final class Readiness {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private Readiness() {
	}

	static void awaitHttpOk(ChildProcess child, String url, Duration timeout) {
		String[] last = { "no answer yet" };
		try {
			await(child, "HTTP 200 from " + url, timeout, () -> {
				HttpAnswer answer = get(url);
				last[0] = answer.toString();
				return answer.status() == 200;
			});
		}
		catch (LocalStackException ex) {
			throw new LocalStackException(ex.getMessage() + System.lineSeparator() + "Last answer from " + url + ": "
					+ last[0], ex.getCause());
		}
	}

	static void awaitPortAndLog(ChildProcess child, int port, String logText, Duration timeout) {
		await(child, "port " + port + " and \"" + logText + "\" in its log", timeout,
				() -> portOpen(port) && child.logContains(logText));
	}

	static void await(ChildProcess child, String what, Duration timeout, BooleanSupplier ready) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			if (ready.getAsBoolean()) {
				return;
			}
			if (!child.isAlive()) {
				int exit = child.process().map(p -> p.exitValue()).orElse(-1);
				throw new LocalStackException(child.name() + " exited (code " + exit + ") before it was ready ("
						+ what + "). Log " + child.log() + ", last lines:" + System.lineSeparator() + child.tail(40));
			}
			if (System.nanoTime() > deadline) {
				throw new LocalStackException(child.name() + " not ready after " + timeout.toSeconds() + " s (waiting for "
						+ what + "). Log " + child.log() + ", last lines:" + System.lineSeparator() + child.tail(40));
			}
			sleep(Duration.ofMillis(300));
		}
	}

	static HttpAnswer get(String url) {
		try {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			return new HttpAnswer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new HttpAnswer(-1, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalStackException("Interrupted while waiting for " + url, ex);
		}
	}

	record HttpAnswer(int status, String body) {

		@Override
		public String toString() {
			String shown = this.body.length() > 500 ? this.body.substring(0, 500) + " …" : this.body;
			return (this.status < 0 ? "" : "HTTP " + this.status + " ") + shown;
		}

	}

	static boolean portOpen(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalStackException("Interrupted", ex);
		}
	}

}
