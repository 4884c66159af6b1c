package vn.cchc.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which paths of a service answer without a token.
 *
 * @param publicGetPaths GET path patterns anyone may read (e.g. published contests, standings)
 * @param jwtCacheSize how many verified tokens to remember until they expire (at most 10 minutes),
 * so a citizen's next requests skip the signature check; 0 verifies every request
 */
@ConfigurationProperties("cchc.security")
public record SecurityProperties(List<String> publicGetPaths, @DefaultValue("100000") long jwtCacheSize) {

	public SecurityProperties {
		publicGetPaths = publicGetPaths == null ? List.of() : List.copyOf(publicGetPaths);
	}

}
