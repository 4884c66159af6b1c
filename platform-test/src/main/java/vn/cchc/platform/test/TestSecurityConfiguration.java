package vn.cchc.platform.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Replaces the JWKS-backed decoder with {@link TestTokens#decoder()}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

	@Bean
	JwtDecoder jwtDecoder() {
		return TestTokens.decoder();
	}

}
