/**
 * Every service is an OAuth2 resource server trusting Keycloak JWTs (issuer, audience, expiry,
 * keys from the JWKS); realm roles become {@code ROLE_<role>} authorities; 401 and 403 are
 * problem details like every other error.
 */
package vn.cchc.platform.security;
