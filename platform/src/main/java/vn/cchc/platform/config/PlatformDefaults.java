package vn.cchc.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code cchc-platform-defaults.properties} as the lowest-priority property source, so every
 * service starts from the same Kafka, logging, actuator and security settings and overrides only
 * what is its own, instead of copying them into six application.yml files.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

	static final String NAME = "cchcPlatformDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			new PropertiesPropertySourceLoader()
				.load(NAME, new ClassPathResource("cchc-platform-defaults.properties"))
				.forEach(environment.getPropertySources()::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
