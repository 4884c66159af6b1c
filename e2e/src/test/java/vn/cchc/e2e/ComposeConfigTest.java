package vn.cchc.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker-compose.yml is valid and runs the same platform: checked offline by Debian's
 * {@code docker-compose config} (installed by .ci/run; the test is skipped where it is absent).
 */
class ComposeConfigTest {

	static final Path PROJECT = Path.of(System.getProperty("cchc.e2e.project-dir", "..")).toAbsolutePath().normalize();

	@Test
	void composeFileIsValidAndDeclaresEveryPart() throws Exception {
		assumeTrue(onPath("docker-compose"), "docker-compose is not installed");
		Result result = compose("config");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("apache/kafka:", "mongo:8", "--replSet", "quay.io/keycloak/keycloak:26.5.6",
				"cchc/gateway:0.1.0-SNAPSHOT", "cchc/registration-service:0.1.0-SNAPSHOT",
				"cchc/quiz-service:0.1.0-SNAPSHOT", "cchc/submission-service:0.1.0-SNAPSHOT",
				"cchc/judging-service:0.1.0-SNAPSHOT", "cchc/awards-service:0.1.0-SNAPSHOT",
				"deploy/keycloak/cchc-realm.json");
		assertThat(compose("config", "--services").output().lines().sorted().toList()).containsExactly("awards-service",
				"gateway", "judging-service", "kafka", "keycloak", "mongo", "quiz-service", "registration-service",
				"submission-service");
	}

	@Test
	void composeRefusesToStartKeycloakWithoutAnAdminPassword() throws Exception {
		assumeTrue(onPath("docker-compose"), "docker-compose is not installed");
		ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "-q")
			.directory(PROJECT.toFile())
			.redirectErrorStream(true);
		builder.environment().remove("KEYCLOAK_ADMIN_PASSWORD");
		builder.environment().put("CCHC_REGISTRATION_CLIENT_SECRET", "only-for-the-config-check");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isNotZero();
		assertThat(output).contains("KEYCLOAK_ADMIN_PASSWORD");
	}

	@Test
	void composeRefusesToStartRegistrationWithoutTheAdminClientSecret() throws Exception {
		assumeTrue(onPath("docker-compose"), "docker-compose is not installed");
		ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "-q")
			.directory(PROJECT.toFile())
			.redirectErrorStream(true);
		builder.environment().put("KEYCLOAK_ADMIN_PASSWORD", "only-for-the-config-check");
		builder.environment().remove("CCHC_REGISTRATION_CLIENT_SECRET");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isNotZero();
		assertThat(output).contains("CCHC_REGISTRATION_CLIENT_SECRET");
	}

	record Result(int exitCode, String output) {
	}

	static Result compose(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("docker-compose", "-f", "docker-compose.yml"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true);
		builder.environment().put("KEYCLOAK_ADMIN_PASSWORD", "only-for-the-config-check");
		builder.environment().put("CCHC_REGISTRATION_CLIENT_SECRET", "only-for-the-config-check");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	static boolean onPath(String command) {
		return Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
			.anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
	}

}
