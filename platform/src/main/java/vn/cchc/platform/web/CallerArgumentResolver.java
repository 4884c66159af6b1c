package vn.cchc.platform.web;

import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import vn.cchc.platform.security.KeycloakRoles;

/**
 * Resolves {@link Caller} parameters from the request's JWT. A parameter marked {@code @Nullable}
 * is null for anonymous requests (public reads); otherwise an anonymous request gets a 401 problem.
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
			if (parameter.isOptional()) {
				return null;
			}
			throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.unauthorized",
					"Bạn cần đăng nhập để thực hiện thao tác này.");
		}
		Caller caller = fromJwt(token.getToken());
		Roles roles = parameter.getParameterAnnotation(Roles.class);
		if (roles != null) {
			caller.require(roles.value());
		}
		return caller;
	}

	public static Caller fromJwt(Jwt jwt) {
		String username = jwt.getClaimAsString("preferred_username");
		return new Caller(jwt.getSubject(), username, displayName(jwt, username), KeycloakRoles.of(jwt),
				jwt.getClaimAsString("unit_code"));
	}

	/** Vietnamese order, family name first ("Võ Thị Hoa"); Keycloak's {@code name} is given + family. */
	static String displayName(Jwt jwt, String fallback) {
		String family = jwt.getClaimAsString("family_name");
		String given = jwt.getClaimAsString("given_name");
		if (family != null || given != null) {
			return String.join(" ", Stream.of(family, given).filter(Objects::nonNull).toList());
		}
		String name = jwt.getClaimAsString("name");
		return name != null ? name : fallback;
	}

}
