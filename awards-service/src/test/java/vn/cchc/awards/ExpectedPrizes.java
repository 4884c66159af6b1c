package vn.cchc.awards;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The test's own statement of how places are filled, written from the plan's words and not from
 * the service's code: walk down the ranking in groups of people equal on every rule; a group that
 * fits inside one prize takes it, a group that spans two prizes or the last place is a tie for the
 * organiser, and the places after it are filled as if it were decided.
 */
final class ExpectedPrizes {

	private ExpectedPrizes() {
	}

	record Won(String prize, String winner) {
	}

	record Tied(List<String> prizes, List<String> who) {
	}

	record Outcome(List<Won> won, List<Tied> ties) {
	}

	static Outcome fill(List<String> places, List<List<String>> groupsInOrder) {
		List<Won> won = new ArrayList<>();
		List<Tied> ties = new ArrayList<>();
		int pos = 0;
		for (List<String> group : groupsInOrder) {
			if (pos >= places.size()) {
				break;
			}
			List<String> at = places.subList(pos, Math.min(pos + group.size(), places.size()));
			boolean fits = pos + group.size() <= places.size() && at.stream().distinct().count() == 1;
			if (fits) {
				group.forEach(who -> won.add(new Won(at.get(0), who)));
			}
			else {
				ties.add(new Tied(List.copyOf(at), List.copyOf(group)));
			}
			pos += group.size();
		}
		return new Outcome(won, ties);
	}

	private static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
			"Ngô", "Dương" };

	private static final String[] MIDDLE = { "Văn", "Thị", "Hữu", "Minh", "Ngọc", "Đức", "Thanh", "Quốc" };

	private static final String[] GIVEN = { "An", "Bình", "Cường", "Dũng", "Hạnh", "Hồng Nhung", "Khánh", "Lộc",
			"Phương", "Quỳnh", "Thảo", "Tuấn", "Vy", "Yến", "Đạt", "Ánh", "Ngọc Ẩn", "Mỹ Ưng" };

	static String name(Random random) {
		return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
				+ GIVEN[random.nextInt(GIVEN.length)];
	}

}
