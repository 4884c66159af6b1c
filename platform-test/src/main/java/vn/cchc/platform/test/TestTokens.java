package vn.cchc.platform.test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Mints RS256 tokens shaped like Keycloak's (issuer, {@code cchc-api} audience, realm roles) and
 * a decoder with the same checks production applies, so expired, forged and foreign tokens are
 * really refused in tests. Only the key source differs: a key pair made here instead of the JWKS.
 */
public final class TestTokens {

	public static final String ISSUER = "http://localhost:8180/realms/cchc";

	public static final String AUDIENCE = "cchc-api";

	private static final KeyPair KEYS = newKeyPair();

	private static final KeyPair FOREIGN_KEYS = newKeyPair();

	private TestTokens() {
	}

	public static JwtDecoder decoder() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER),
				new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(AUDIENCE))));
		return decoder;
	}

	/** A valid token for a user with the given realm roles. */
	public static String token(String userId, String... roles) {
		return sign(KEYS, claims(userId, roles, Instant.now().plus(Duration.ofHours(1)), AUDIENCE));
	}

	/** A unit manager's token: role {@code unit-manager} and the {@code unit_code} claim of their unit. */
	public static String unitManagerToken(String userId, String unitCode) {
		JWTClaimsSet base = claims(userId, new String[] { "unit-manager" }, Instant.now().plus(Duration.ofHours(1)),
				AUDIENCE);
		return sign(KEYS, new JWTClaimsSet.Builder(base).claim("unit_code", unitCode).build());
	}

	public static String expiredToken(String userId, String... roles) {
		return sign(KEYS, claims(userId, roles, Instant.now().minus(Duration.ofMinutes(5)), AUDIENCE));
	}

	/** Signed by a key the services do not trust. */
	public static String forgedToken(String userId, String... roles) {
		return sign(FOREIGN_KEYS, claims(userId, roles, Instant.now().plus(Duration.ofHours(1)), AUDIENCE));
	}

	public static String tokenForAnotherAudience(String userId, String... roles) {
		return sign(KEYS, claims(userId, roles, Instant.now().plus(Duration.ofHours(1)), "account"));
	}

	private static JWTClaimsSet claims(String userId, String[] roles, Instant expiry, String audience) {
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(userId)
			.audience(List.of(audience, "account"))
			.issueTime(java.util.Date.from(Instant.now().minusSeconds(5)))
			.expirationTime(java.util.Date.from(expiry))
			.claim("preferred_username", userId)
			.claim("name", "Người dùng " + userId)
			.claim("realm_access", Map.of("roles", List.of(roles)))
			.build();
	}

	private static String sign(KeyPair keys, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
			jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
