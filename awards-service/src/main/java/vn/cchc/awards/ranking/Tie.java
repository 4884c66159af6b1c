package vn.cchc.awards.ranking;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Candidates equal on every ranking rule who do not all fit in the same prize: the organiser
 * decides their order ({@code tieId} names the decision). {@code prizes} are the places at stake
 * in order, one entry per place; the candidates beyond them get none of these prizes.
 */
public record Tie(String tieId, String scope, @Nullable String group, List<String> prizes, List<Candidate> candidates) {
}
