/**
 * The awards-service: read models built from other services' events (behind the idempotent
 * inbox), the provisional results computed from them ({@link vn.cchc.awards.ContestResults}),
 * the official results workflow ({@link vn.cchc.awards.OfficialResults}), the live dashboard and
 * its event stream, the documents (certificates, decision, XLSX, PAR Index CSV) and the rebuild
 * of the read models by replaying the topics. The rules themselves live in
 * {@code vn.cchc.awards.ranking}, free of Spring and MongoDB.
 */
package vn.cchc.awards;
