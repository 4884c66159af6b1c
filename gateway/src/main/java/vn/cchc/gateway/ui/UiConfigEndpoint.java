package vn.cchc.gateway.ui;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import vn.cchc.gateway.GatewayProperties;

/**
 * {@code GET /ui-config.json}: what the browser app needs to log in and call the API. The UI
 * assets themselves come from the {@code web} jar ({@code META-INF/resources/}), served by Boot.
 */
@Configuration(proxyBeanMethods = false)
class UiConfigEndpoint {

	/** The shape {@code app.js} reads. */
	record UiConfig(String keycloakUrl, String realm, String clientId, String apiBase) {
	}

	@Bean
	RouterFunction<ServerResponse> uiConfigRoute(GatewayProperties properties, JsonMapper json) {
		byte[] body = json.writeValueAsBytes(
				new UiConfig(properties.keycloakBaseUrl(), properties.realm(), properties.clientId(), "/api"));
		return RouterFunctions.route(RequestPredicates.GET("/ui-config.json"),
				request -> ServerResponse.ok()
					.contentType(MediaType.APPLICATION_JSON)
					.cacheControl(CacheControl.noCache())
					.bodyValue(body));
	}

}
