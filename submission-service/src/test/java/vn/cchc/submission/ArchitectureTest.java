package vn.cchc.submission;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import vn.cchc.platform.test.ArchitectureRules;

@AnalyzeClasses(packages = "vn.cchc", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchTests rules = ArchTests.in(ArchitectureRules.class);

}
