/** Platform defaults (properties every service starts from) and the auto-configuration entry point. */
package vn.cchc.platform.config;
