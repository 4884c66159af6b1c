package vn.cchc.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform on one machine, each part its own process: a Kafka broker, an embedded
 * MongoDB, Keycloak, the five services and the gateway. {@link #start()} blocks until every part
 * answers; {@link #close()} stops them all (newest first) and waits until no child is left.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().projectDir(root).dataDir(root.resolve(".local-data")).build()) {
 *     stack.start();
 *     String token = stack.passwordToken("organizer", "cchc-demo");
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

	/** Marks a folder the launcher created, so {@code --reset} never deletes anything else. */
	static final String DATA_MARKER = ".cchc-local-data";

	/** 240 s, or {@code -Dcchc.local.service-start-timeout=<seconds>} (a loaded machine may need longer). */
	private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(Long.getLong("cchc.local.service-start-timeout", 240));

	/** Upper bound of {@link Builder#quizInstances(int)} (ports 8082, 8086, 8087, 8088 plus the offset). */
	public static final int MAX_QUIZ_INSTANCES = 4;

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private final StackLayout layout;

	private final Ports ports;

	private final boolean seedDemo;

	private final Set<Component> components;

	private final Consumer<String> progress;

	private final List<String> serviceJvmOptions;

	private final int quizInstances;

	private final boolean mongoInMemory;

	private final Set<Service> selectedServices;

	/** quiz-service instances 2..N (instance 1 is in {@link #services}). */
	private final List<ChildProcess> extraQuizInstances = Collections.synchronizedList(new ArrayList<>());

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final List<ChildProcess> started = Collections.synchronizedList(new ArrayList<>());

	private final Map<Service, ChildProcess> services = Collections.synchronizedMap(new EnumMap<>(Service.class));

	private volatile ChildProcess kafka;

	private volatile ChildProcess mongo;

	private volatile ChildProcess keycloak;

	private volatile ChildProcess gateway;

	private volatile boolean closed;

	private final Object closeLock = new Object();

	private final Thread shutdownHook = new Thread(this::close, "local-stack-stop-on-exit");

	private final boolean stopOnJvmExit;

	private volatile long startMillis;

	private LocalStack(Builder builder) {
		this.layout = new StackLayout(Objects.requireNonNull(builder.projectDir, "projectDir"),
				Objects.requireNonNull(builder.dataDir, "dataDir"));
		this.ports = new Ports(builder.portOffset);
		this.seedDemo = builder.seedDemo;
		this.components = EnumSet.copyOf(builder.components);
		this.progress = builder.progress;
		this.serviceJvmOptions = List.copyOf(builder.serviceJvmOptions);
		this.quizInstances = builder.quizInstances;
		this.mongoInMemory = builder.mongoInMemory;
		this.selectedServices = EnumSet.copyOf(builder.selectedServices);
		this.stopOnJvmExit = builder.stopOnJvmExit;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Starts every selected component and blocks until each one answers; on failure stops what started. */
	public void start() {
		if (this.closed) {
			throw new IllegalStateException("closed");
		}
		this.startMillis = System.currentTimeMillis();
		if (this.stopOnJvmExit) {
			Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		}
		prepareDataDir();
		if (this.components.contains(Component.SERVICES) || this.components.contains(Component.GATEWAY)) {
			checkExecutableJars();
		}
		ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
		try {
			CompletableFuture<Void> keycloakReady = run(executor, Component.KEYCLOAK, this::startKeycloak);
			CompletableFuture<Void> kafkaReady = run(executor, Component.KAFKA, this::startKafkaProcess);
			CompletableFuture<Void> mongoReady = run(executor, Component.MONGO, this::startMongoProcess);
			join(kafkaReady);
			join(mongoReady);

			List<CompletableFuture<Void>> apps = new ArrayList<>();
			if (this.components.contains(Component.SERVICES)) {
				for (Service service : this.selectedServices) {
					apps.add(CompletableFuture.runAsync(() -> startService(service), executor));
				}
				for (int instance = 2; instance <= this.quizInstances
						&& this.selectedServices.contains(Service.QUIZ); instance++) {
					int number = instance;
					apps.add(CompletableFuture.runAsync(() -> startQuizInstance(number), executor));
				}
			}
			if (this.components.contains(Component.GATEWAY)) {
				apps.add(CompletableFuture.runAsync(this::startGateway, executor));
			}
			join(keycloakReady);
			apps.forEach(LocalStack::join);
			// The demo contest first: "ready" means a newcomer can open it.
			if (this.seedDemo && this.components.contains(Component.GATEWAY)
					&& this.components.contains(Component.SERVICES)) {
				new DemoSeed(this, this.progress, java.time.Clock.systemUTC()).run();
			}
			say("Toàn bộ thành phần đã sẵn sàng sau " + elapsedSeconds() + " giây.");
		}
		catch (RuntimeException | Error ex) {
			close();
			throw ex;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private CompletableFuture<Void> run(ExecutorService executor, Component component, Runnable task) {
		return this.components.contains(component) ? CompletableFuture.runAsync(task, executor)
				: CompletableFuture.completedFuture(null);
	}

	private static void join(CompletableFuture<Void> future) {
		try {
			future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	private void prepareDataDir() {
		try {
			Files.createDirectories(this.layout.dataDir().resolve("logs"));
			Path marker = this.layout.dataDir().resolve(DATA_MARKER);
			if (!Files.exists(marker)) {
				Files.writeString(marker, "Data of the CCHC local stack; delete with LocalStackMain --reset.\n");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void checkExecutableJars() {
		List<String> modules = new ArrayList<>();
		if (this.components.contains(Component.SERVICES)) {
			for (Service service : this.selectedServices) {
				modules.add(service.module());
			}
		}
		if (this.components.contains(Component.GATEWAY)) {
			modules.add("gateway");
		}
		List<Path> missing = modules.stream()
			.map(this.layout::executableJar)
			.filter(jar -> !Files.isRegularFile(jar))
			.toList();
		if (!missing.isEmpty()) {
			throw new LocalStackException("Missing executable jars " + missing
					+ ". Build them first: ./mvnw -B -Prun -DskipTests package (or ./mvnw -B -DskipTests package)");
		}
	}

	// ---- Kafka -------------------------------------------------------------------------------------

	private void startKafkaProcess() {
		say("Đang khởi động Kafka (cổng " + this.ports.kafka() + ")…");
		if (this.kafka == null) {
			this.kafka = new KafkaBroker(this.layout, this.ports).prepare();
		}
		launch(this.kafka);
		Readiness.awaitPortAndLog(this.kafka, this.ports.kafka(), "Kafka Server started", KafkaBroker.startTimeout());
		say("Kafka đã sẵn sàng.");
	}

	/** Stops the broker gracefully (SIGTERM, then SIGKILL after a grace period); data stays. */
	public void stopKafka() {
		requireStarted(this.kafka, "kafka").stop(Duration.ofSeconds(30));
	}

	/** Kills the broker at once, like a crash. */
	public void killKafka() {
		requireStarted(this.kafka, "kafka").kill();
	}

	/** Starts the broker again on the same data folder and ports; blocks until it answers. */
	public void startKafka() {
		requireStarted(this.kafka, "kafka");
		startKafkaProcess();
	}

	// ---- MongoDB -----------------------------------------------------------------------------------

	private void startMongoProcess() {
		say("Đang khởi động MongoDB nhúng (cổng " + this.ports.mongo() + ")…");
		if (this.mongo == null) {
			// In memory every document lives on the heap (a benchmark stores tens of thousands of attempts;
			// load-tests/run-stack.sh gives it more with -Dcchc.local.mongo-memory-heap).
			String heap = "-Xmx" + (this.mongoInMemory ? System.getProperty("cchc.local.mongo-memory-heap", "3g") : "256m");
			// A benchmark can pick a collector and its options (-Dcchc.local.mongo-memory-gc, space
			// separated; see run-stack.sh).
			String gc = this.mongoInMemory ? System.getProperty("cchc.local.mongo-memory-gc", "-XX:+UseParallelGC")
					: "-XX:+UseSerialGC";
			// A benchmark can give the stand-in a higher scheduling priority (-Dcchc.local.mongo-nice, e.g. -5),
			// as a database has cores of its own in production: its collector's pauses then stall the services
			// less (docs/benchmarks.md, tenth pass).
			List<String> command = new ArrayList<>(ChildProcess.nicePrefix("cchc.local.mongo-nice"));
			command.addAll(List.of(this.layout.java().toString(), "-Xms32m", heap));
			command.addAll(List.of(gc.trim().split("\\s+")));
			command.addAll(List.of("-Dlogback.configurationFile=" + this.layout.childLogbackConfig(), "-cp",
					this.layout.mongoClasspath(), EmbeddedMongoMain.class.getName(), "--host=127.0.0.1",
					"--port=" + this.ports.mongo(), "--file=" + this.layout.dataDir().resolve("mongo/cchc.mv"),
					"--parent-pid=" + ProcessHandle.current().pid(), "--backend=" + (this.mongoInMemory ? "memory" : "h2")));
			this.mongo = new ChildProcess("mongo", command, Map.of(), this.layout.dataDir(), this.layout.log("mongo"));
		}
		launch(this.mongo);
		Readiness.awaitPortAndLog(this.mongo, this.ports.mongo(), EmbeddedMongoMain.READY, Duration.ofSeconds(60));
		say("MongoDB đã sẵn sàng.");
	}

	/** Stops the embedded MongoDB; its file stays. */
	public void stopMongo() {
		requireStarted(this.mongo, "mongo").stop(STOP_GRACE);
	}

	/** Starts the embedded MongoDB again on the same file and port. */
	public void startMongo() {
		requireStarted(this.mongo, "mongo");
		startMongoProcess();
	}

	// ---- Keycloak ----------------------------------------------------------------------------------

	private void startKeycloak() {
		say("Đang khởi động Keycloak (cổng " + this.ports.keycloak() + ")…");
		KeycloakServer server = new KeycloakServer(this.layout, this.ports);
		this.keycloak = server.prepare();
		launch(this.keycloak);
		Readiness.awaitHttpOk(this.keycloak, server.readinessUrl(), KeycloakServer.startTimeout());
		say("Keycloak đã sẵn sàng (realm cchc).");
	}

	// ---- services and gateway ----------------------------------------------------------------------

	private void startService(Service service) {
		List<String> args = new ArrayList<>(securityArguments());
		args.add("--spring.mongodb.uri=" + mongoUri());
		args.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers());
		if (service == Service.REGISTRATION) {
			args.addAll(keycloakAdminArguments());
		}
		ChildProcess child = springBootApp(service.module(), this.ports.service(service), args);
		this.services.put(service, child);
		launch(child);
		awaitReadiness(child, this.ports.service(service));
	}

	/** An extra quiz-service instance: same database, Kafka consumer group and settings, its own port and log. */
	private void startQuizInstance(int instance) {
		List<String> args = new ArrayList<>(securityArguments());
		args.add("--spring.mongodb.uri=" + mongoUri());
		args.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers());
		int port = this.ports.quizInstance(instance);
		ChildProcess child = springBootApp(Service.QUIZ.module() + "-" + instance, Service.QUIZ.module(), port, args);
		this.extraQuizInstances.add(child);
		launch(child);
		awaitReadiness(child, port);
	}

	private void startGateway() {
		List<String> args = new ArrayList<>(securityArguments());
		for (Service service : Service.values()) {
			args.add("--cchc.gateway.services." + service.route() + "=http://127.0.0.1:" + this.ports.service(service));
		}
		if (this.quizInstances > 1) {
			// The gateway spreads the quiz route over every instance (round robin).
			args.add("--cchc.gateway.instances." + Service.QUIZ.route() + "=" + String.join(",", quizInstanceUrls()));
		}
		args.add("--cchc.gateway.ui-origin=" + gatewayUrl());
		args.add("--cchc.gateway.keycloak-url=" + keycloakUrl());
		ChildProcess child = springBootApp("gateway", this.ports.gateway(), args);
		this.gateway = child;
		launch(child);
		awaitReadiness(child, this.ports.gateway());
	}

	private List<String> securityArguments() {
		return List.of("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUri(),
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:" + this.ports.keycloak()
						+ "/realms/cchc/protocol/openid-connect/certs");
	}

	/** The Admin API client registration-service creates staff accounts with (secret from the local overlay). */
	private List<String> keycloakAdminArguments() {
		return List.of("--cchc.keycloak.admin.server-url=http://127.0.0.1:" + this.ports.keycloak(),
				"--cchc.keycloak.admin.realm=cchc",
				"--cchc.keycloak.admin.client-id=" + RealmFiles.REGISTRATION_CLIENT_ID,
				"--cchc.keycloak.admin.client-secret=" + RealmFiles.registrationClientSecret());
	}

	private ChildProcess springBootApp(String module, int port, List<String> appArguments) {
		return springBootApp(module, module, port, appArguments);
	}

	private ChildProcess springBootApp(String name, String module, int port, List<String> appArguments) {
		List<String> command = new ArrayList<>();
		command.add(this.layout.java().toString());
		command.addAll(this.serviceJvmOptions);
		command.add("-jar");
		command.add(this.layout.executableJar(module).toString());
		command.add("--server.port=" + port);
		command.addAll(appArguments);
		return new ChildProcess(name, command, Map.of(), this.layout.dataDir().resolve("work").resolve(name),
				this.layout.log(name));
	}

	private void awaitReadiness(ChildProcess child, int port) {
		say("Đang chờ " + child.name() + " (cổng " + port + ")…");
		Readiness.awaitHttpOk(child, "http://127.0.0.1:" + port + "/actuator/health/readiness", SERVICE_TIMEOUT);
		say(child.name() + " đã sẵn sàng.");
	}

	// ---- lifecycle ---------------------------------------------------------------------------------

	private void launch(ChildProcess child) {
		synchronized (this.started) {
			if (this.closed) {
				throw new LocalStackException("Stack is closing; not starting " + child.name());
			}
			child.start();
			if (!this.started.contains(child)) {
				this.started.add(child);
			}
		}
	}

	private static ChildProcess requireStarted(ChildProcess child, String name) {
		if (child == null) {
			throw new IllegalStateException(name + " is not part of this stack or not started");
		}
		return child;
	}

	/** Stops every child, newest first (gateway, services, Keycloak, MongoDB, Kafka), and waits for them. */
	@Override
	public void close() {
		synchronized (this.closeLock) {
			stopAll();
		}
		if (this.stopOnJvmExit && Thread.currentThread() != this.shutdownHook) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException | IllegalArgumentException ex) {
				// the JVM is already exiting, or the hook was never added
			}
		}
	}

	private void stopAll() {
		List<ChildProcess> toStop;
		synchronized (this.started) {
			this.closed = true;
			toStop = new ArrayList<>(this.started);
		}
		Collections.reverse(toStop);
		List<ChildProcess> apps = toStop.stream()
			.filter(child -> child == this.gateway || this.services.containsValue(child)
					|| this.extraQuizInstances.contains(child))
			.toList();
		List<Thread> stoppers = apps.stream()
			.map(child -> Thread.ofVirtual().start(() -> child.stop(STOP_GRACE)))
			.toList();
		for (Thread stopper : stoppers) {
			try {
				stopper.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		for (ChildProcess child : toStop) {
			if (!apps.contains(child)) {
				child.stop(child == this.kafka ? Duration.ofSeconds(30) : STOP_GRACE);
			}
		}
	}

	/** Every live child process and its descendants (for tests that check nothing is left behind). */
	List<ProcessHandle> processes() {
		synchronized (this.started) {
			return this.started.stream().flatMap(child -> child.handles().stream()).toList();
		}
	}

	// ---- addresses and helpers ---------------------------------------------------------------------

	public String gatewayUrl() {
		return "http://localhost:" + this.ports.gateway();
	}

	public String keycloakUrl() {
		return "http://localhost:" + this.ports.keycloak();
	}

	public String issuerUri() {
		return keycloakUrl() + "/realms/cchc";
	}

	public String serviceUrl(Service service) {
		return "http://localhost:" + this.ports.service(service);
	}

	/** Base URL of every quiz-service instance (one unless {@link Builder#quizInstances(int)} asked for more). */
	public List<String> quizInstanceUrls() {
		List<String> urls = new ArrayList<>();
		for (int instance = 1; instance <= this.quizInstances; instance++) {
			urls.add("http://127.0.0.1:" + this.ports.quizInstance(instance));
		}
		return urls;
	}

	public int quizInstances() {
		return this.quizInstances;
	}

	public String kafkaBootstrapServers() {
		return "127.0.0.1:" + this.ports.kafka();
	}

	public String mongoUri() {
		return "mongodb://127.0.0.1:" + this.ports.mongo();
	}

	public Ports ports() {
		return this.ports;
	}

	public Path dataDir() {
		return this.layout.dataDir();
	}

	public Path logFile(String name) {
		return this.layout.log(name);
	}

	long elapsedSeconds() {
		return (System.currentTimeMillis() - this.startMillis) / 1000;
	}

	/** An access token for a user, by the password grant of the local-only client {@code cchc-local-cli}. */
	public String passwordToken(String username, String password) {
		String form = Map.of("grant_type", "password", "client_id", "cchc-local-cli", "username", username, "password",
				password)
			.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(
					"http://127.0.0.1:" + this.ports.keycloak() + "/realms/cchc/protocol/openid-connect/token"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new LocalStackException(
						"Token for " + username + " refused: HTTP " + response.statusCode() + " " + response.body());
			}
			JsonNode body = JsonMapper.shared().readTree(response.body());
			return body.path("access_token").asString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalStackException("Interrupted", ex);
		}
	}

	HttpClient http() {
		return this.http;
	}

	private void say(String message) {
		this.progress.accept(message);
	}

	/** Options of a {@link LocalStack}. */
	public static final class Builder {

		private Path projectDir;

		private Path dataDir;

		private int portOffset;

		private boolean seedDemo = true;

		private Set<Component> components = EnumSet.allOf(Component.class);

		private Consumer<String> progress = message -> {
		};

		private List<String> serviceJvmOptions = List.of("-Xms32m", "-Xmx320m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8");

		private boolean stopOnJvmExit = true;

		private int quizInstances = 1;

		private boolean mongoInMemory;

		private Set<Service> selectedServices = EnumSet.allOf(Service.class);

		private Builder() {
		}

		/**
		 * Whether the embedded MongoDB keeps its data in memory only (lost when it stops) instead of
		 * its H2 file (default false). For benchmarks: the file backend serialises every document.
		 */
		public Builder mongoInMemory(boolean mongoInMemory) {
			this.mongoInMemory = mongoInMemory;
			return this;
		}

		/**
		 * Which services {@link Component#SERVICES} starts (default: all five); the gateway still
		 * routes to every service, so calls to one not started answer 503.
		 */
		public Builder services(Service first, Service... rest) {
			this.selectedServices = EnumSet.of(first, rest);
			return this;
		}

		/**
		 * How many quiz-service instances to start (default 1, at most {@link LocalStack#MAX_QUIZ_INSTANCES});
		 * with more than one, the gateway balances the quiz route over all of them.
		 */
		public Builder quizInstances(int quizInstances) {
			if (quizInstances < 1 || quizInstances > MAX_QUIZ_INSTANCES) {
				throw new IllegalArgumentException(
						"quiz instances must be between 1 and " + MAX_QUIZ_INSTANCES + ": " + quizInstances);
			}
			this.quizInstances = quizInstances;
			return this;
		}

		/** Whether a JVM shutdown hook stops the children if {@link #close()} is never called (default true). */
		public Builder stopOnJvmExit(boolean stopOnJvmExit) {
			this.stopOnJvmExit = stopOnJvmExit;
			return this;
		}

		/** The project root (holds {@code local/target/lib} and each module's {@code target/*-exec.jar}). */
		public Builder projectDir(Path projectDir) {
			this.projectDir = projectDir;
			return this;
		}

		/** Where Kafka, MongoDB and Keycloak keep their data, and where the logs go. */
		public Builder dataDir(Path dataDir) {
			this.dataDir = dataDir;
			return this;
		}

		/** Added to every port (gateway 8080, Keycloak 8180, services 8081–8085, Kafka 9092/9093, MongoDB 27017). */
		public Builder portOffset(int portOffset) {
			this.portOffset = portOffset;
			return this;
		}

		/** Whether to create the demo contest once everything is up (idempotent). */
		public Builder seedDemo(boolean seedDemo) {
			this.seedDemo = seedDemo;
			return this;
		}

		/** Starts only these components (tests); dependencies are not added automatically. */
		public Builder components(Component first, Component... rest) {
			this.components = EnumSet.of(first, rest);
			return this;
		}

		/** Receives one line per step (Vietnamese, for people watching the console). */
		public Builder progress(Consumer<String> progress) {
			this.progress = Objects.requireNonNull(progress);
			return this;
		}

		/** JVM options of the services and the gateway. */
		public Builder serviceJvmOptions(List<String> options) {
			this.serviceJvmOptions = List.copyOf(options);
			return this;
		}

		public LocalStack build() {
			return new LocalStack(this);
		}

	}

}
