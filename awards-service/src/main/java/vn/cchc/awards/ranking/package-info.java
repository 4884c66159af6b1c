/**
 * The rules that turn results into ranks and prizes, free of Spring, Kafka and MongoDB: individual
 * standings per round, week and category ({@link vn.cchc.awards.ranking.IndividualRanking}),
 * collective rankings of units ({@link vn.cchc.awards.ranking.CollectiveRanking}) and the
 * allocation of prize tiers with ties left to the organiser ({@link vn.cchc.awards.ranking.PrizeAllocation}).
 */
package vn.cchc.awards.ranking;
