/**
 * Staff accounts in Keycloak: organisers bulk-create one unit-manager account per unit and the
 * judges' and secretaries' accounts, and disable or re-enable them. Keycloak stays the only store
 * of accounts and passwords: a generated temporary password is returned once to the organiser and
 * never written to our databases or logs; the account must change it at first login. Keycloak has
 * no transactions, so every operation is idempotent and a retry completes an interrupted batch.
 */
package vn.cchc.registration.accounts;
