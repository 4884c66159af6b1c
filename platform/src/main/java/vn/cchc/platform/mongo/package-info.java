/**
 * MongoDB reads written to stay index lookups on every server ({@link vn.cchc.platform.mongo.Lookups}).
 */
package vn.cchc.platform.mongo;
