/** Serves the browser app's runtime configuration next to the static UI from the {@code web} module. */
package vn.cchc.gateway.ui;
