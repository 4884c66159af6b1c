package vn.cchc.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Locale;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * What the run's machine is, so that runs on different hosts can be compared: the same "2 cores"
 * were ~1.3–1.5 times slower from one session to the next (docs/benchmarks.md, eighth pass), and a
 * run's figures mean little without knowing that. The probe is one PBKDF2-HMAC-SHA256 hash of
 * 210,000 iterations on one thread (what Keycloak computes for each password login), best of
 * three, taken before the load starts.
 */
final class Machine {

	private static final int ITERATIONS = 210_000;

	private Machine() {
	}

	/** e.g. "AMD EPYC, 2 cores, one PBKDF2 hash (210,000 iterations): 180 ms". */
	static String describe() {
		return String.format(Locale.ROOT, "%s, %d cores, one PBKDF2 hash (%,d iterations): %d ms", cpuModel(),
				Runtime.getRuntime().availableProcessors(), ITERATIONS, probeMillis());
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(line -> line.startsWith("model name"))
				.map(line -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static long probeMillis() {
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			hash();
			best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
		}
		return best;
	}

	private static void hash() {
		try {
			var spec = new PBEKeySpec("cchc-calibration".toCharArray(), "salt-16-bytes---".getBytes(StandardCharsets.US_ASCII), ITERATIONS, 512);
			SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
