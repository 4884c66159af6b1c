/**
 * HTTP conventions: {@link vn.cchc.platform.web.ApiException} and the one place that turns every
 * error into an RFC 9457 problem detail with a stable {@code code} and a Vietnamese {@code detail};
 * {@link vn.cchc.platform.web.Caller}, the authenticated person as controllers see them.
 */
package vn.cchc.platform.web;
