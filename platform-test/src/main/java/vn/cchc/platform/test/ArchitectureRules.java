package vn.cchc.platform.test;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules every service keeps; each service's {@code ArchitectureTest} applies them to its classes.
 */
public final class ArchitectureRules {

	private static final String[] SERVICES = { "vn.cchc.registration..", "vn.cchc.quiz..", "vn.cchc.submission..",
			"vn.cchc.judging..", "vn.cchc.awards..", "vn.cchc.gateway.." };

	/** Services share contracts and the platform only; never each other's code. */
	public static ArchRule independentOf(String ownPackage) {
		String[] others = java.util.Arrays.stream(SERVICES).filter(p -> !p.equals(ownPackage + "..")).toArray(String[]::new);
		return noClasses().that()
			.resideInAPackage(ownPackage + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(others)
			.because("services talk through Kafka events and HTTP, not shared code");
	}

	/** Events leave through the outbox, written with the state change; never sent directly. */
	public static final ArchRule NO_DIRECT_KAFKA_SENDS = noClasses().should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("org.apache.kafka.clients.producer.KafkaProducer")
		.because("a state change and its event are one MongoDB write (the outbox); see ADR 0002");

	public static final ArchRule NO_STANDARD_STREAMS = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
		.because("logs are structured JSON through SLF4J");

	public static final ArchRule NO_JAVA_UTIL_LOGGING = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

	private ArchitectureRules() {
	}

}
