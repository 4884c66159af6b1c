package vn.cchc.judging;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import vn.cchc.platform.test.ArchitectureRules;

@AnalyzeClasses(packages = "vn.cchc.judging", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule independent = ArchitectureRules.independentOf("vn.cchc.judging");

	@ArchTest
	static final ArchRule outboxOnly = ArchitectureRules.NO_DIRECT_KAFKA_SENDS;

	@ArchTest
	static final ArchRule noStandardStreams = ArchitectureRules.NO_STANDARD_STREAMS;

	@ArchTest
	static final ArchRule noJavaUtilLogging = ArchitectureRules.NO_JAVA_UTIL_LOGGING;

}
