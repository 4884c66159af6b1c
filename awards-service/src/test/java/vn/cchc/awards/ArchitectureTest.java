package vn.cchc.awards;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import vn.cchc.platform.test.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "vn.cchc", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchTests rules = ArchTests.in(ArchitectureRules.class);

	/** The ranking and prize rules are plain Java: no Spring, MongoDB, Kafka or the service around them. */
	@ArchTest
	static final ArchRule RANKING_RULES_ARE_PURE = noClasses().that()
		.resideInAPackage("vn.cchc.awards.ranking..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
				"vn.cchc.platform..", "vn.cchc.awards");

}
