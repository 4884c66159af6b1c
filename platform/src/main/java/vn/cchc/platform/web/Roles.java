package vn.cchc.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link Caller} parameter: the caller must hold one of these realm roles. Checked when the
 * argument is resolved, which is before the request body is read and validated, so a citizen
 * posting a malformed body to an organiser's endpoint gets 403, not a validation error. Declare
 * the {@code Caller} parameter before the body.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Roles {

	String[] value();

}
