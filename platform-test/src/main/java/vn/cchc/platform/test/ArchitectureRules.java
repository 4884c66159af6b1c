package vn.cchc.platform.test;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Rules every service keeps. A service applies all of them with
 * {@code @ArchTest static final ArchTests rules = ArchTests.in(ArchitectureRules.class);}.
 */
public final class ArchitectureRules {

	/** Services share contracts and the platform only; never each other's code. */
	@ArchTest
	public static final ArchRule SERVICES_ARE_INDEPENDENT = slices().matching("vn.cchc.(*)..")
		.should()
		.notDependOnEachOther()
		.ignoreDependency(alwaysTrue(), resideInAnyPackage("vn.cchc.platform..", "vn.cchc.contracts..", "vn.cchc.http.."))
		.because("services talk through Kafka events and HTTP, not shared code");

	/** Events leave through the outbox, written with the state change; never sent directly. */
	@ArchTest
	public static final ArchRule NO_DIRECT_KAFKA_SENDS = noClasses().that()
		.resideOutsideOfPackage("vn.cchc.platform..")
		.should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("org.apache.kafka.clients.producer.KafkaProducer")
		.because("a state change and its event are one MongoDB write (the outbox); see ADR 0002");

	/** Existence checks and counts stay index lookups on every MongoDB (see {@code Lookups}). */
	@ArchTest
	public static final ArchRule NO_COUNT_DOCUMENTS = noClasses().that()
		.resideOutsideOfPackage("vn.cchc.platform..")
		.should()
		.callMethodWhere(target(owner(assignableTo("org.springframework.data.mongodb.core.MongoOperations")))
			.and(target(name("exists")).or(target(name("count")))))
		.orShould()
		.callMethodWhere(target(owner(assignableTo("com.mongodb.client.MongoCollection")))
			.and(target(name("countDocuments"))))
		.because("countDocuments is an aggregation, which the embedded MongoDB answers by copying the whole "
				+ "collection; use vn.cchc.platform.mongo.Lookups.exists");

	@ArchTest
	public static final ArchRule NO_STANDARD_STREAMS = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
		.because("logs are structured JSON through SLF4J");

	@ArchTest
	public static final ArchRule NO_JAVA_UTIL_LOGGING = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

	private ArchitectureRules() {
	}

}
