package vn.cchc.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which paths of a service answer without a token.
 *
 * @param publicGetPaths GET path patterns anyone may read (e.g. published contests, standings)
 */
@ConfigurationProperties("cchc.security")
public record SecurityProperties(List<String> publicGetPaths) {

	public SecurityProperties {
		publicGetPaths = publicGetPaths == null ? List.of() : List.copyOf(publicGetPaths);
	}

}
