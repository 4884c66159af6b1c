package vn.cchc.awards;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import vn.cchc.awards.ranking.Board;
import vn.cchc.awards.ranking.JudgedRanking;

/** How figures read in Vietnamese on pages, certificates and exports. */
final class Formats {

	static final Locale VI = Locale.forLanguageTag("vi-VN");

	private Formats() {
	}

	static String duration(long millis) {
		long seconds = Math.round(millis / 1000.0);
		long minutes = seconds / 60;
		return minutes > 0 ? minutes + " phút " + (seconds % 60) + " giây" : seconds + " giây";
	}

	static String score(Board.Ranked r) {
		String text = r.result().correct() + "/" + r.result().questions() + " câu đúng, " + duration(r.result().durationMillis());
		return r.predictionGap() == null ? text : text + ", dự đoán lệch " + r.predictionGap();
	}

	static String collective(String ranking, double value) {
		return collective(ranking, value, 100);
	}

	/** {@code threshold}: the share of questions (in %) that counts as all-correct. */
	static String collective(String ranking, double value, int threshold) {
		return switch (ranking) {
			case "participants" -> (long) value + " người dự thi";
			case "all-correct" -> threshold >= 100 ? (long) value + " người trả lời đúng tất cả"
					: (long) value + " người trả lời đúng từ " + threshold + "% số câu trở lên";
			case "participation-rate" -> number(value) + "% số người tham gia";
			case "mean-score" -> "điểm trung bình " + number(value) + "%";
			default -> number(value) + " điểm";
		};
	}

	/** An entry's judged score as shown: the mean rounded to two decimals, and the number of judges. */
	static String judged(BigDecimal score, int judges) {
		return "điểm Ban Giám khảo " + decimal(score) + " (trung bình của " + judges + " giám khảo)";
	}

	/** A unit's judged score in a round: its best entry, or the sum over its entries (parts). */
	static String judgedUnit(BigDecimal score, int entries) {
		return "điểm Ban Giám khảo " + decimal(score) + (entries > 1 ? " (" + entries + " bài/phần thi)" : "");
	}

	/** A decimal in Vietnamese notation, rounded half up to two places. */
	static String decimal(BigDecimal value) {
		NumberFormat f = NumberFormat.getNumberInstance(VI);
		f.setMinimumFractionDigits(2);
		f.setMaximumFractionDigits(2);
		return f.format(JudgedRanking.shown(value));
	}

	static String number(double value) {
		NumberFormat f = NumberFormat.getNumberInstance(VI);
		f.setMaximumFractionDigits(1);
		return f.format(value);
	}

	static String vnd(long amount) {
		return NumberFormat.getIntegerInstance(VI).format(amount) + " đồng";
	}

	static String category(@Nullable String category) {
		if (category == null) {
			return "";
		}
		return switch (category) {
			case "civil-servant" -> "Cán bộ, công chức, viên chức";
			case "citizen" -> "Nhân dân";
			default -> category;
		};
	}

	/** "ngày 05 tháng 8 năm 2024", as administrative documents write a date. */
	static String documentDate(LocalDate date) {
		return "ngày " + String.format(Locale.ROOT, "%02d", date.getDayOfMonth()) + " tháng " + date.getMonthValue()
				+ " năm " + date.getYear();
	}

	/** The family and given names kept, middle names reduced to initials ("Nguyễn V. An"). */
	static @Nullable String mask(@Nullable String name) {
		if (name == null) {
			return null;
		}
		String[] parts = name.trim().split("\\s+");
		if (parts.length < 2) {
			return parts[0].isEmpty() ? name : parts[0].substring(0, 1) + "***";
		}
		String middle = Arrays.stream(parts, 1, parts.length - 1)
			.map(p -> p.substring(0, 1).toUpperCase(VI) + ".")
			.collect(Collectors.joining(" "));
		String given = parts[parts.length - 1];
		String maskedGiven = given.substring(0, 1) + "*".repeat(Math.max(1, given.length() - 1));
		return String.join(" ", parts[0], middle, maskedGiven).replaceAll("\\s+", " ");
	}

	static String band(@Nullable Double rate) {
		if (rate == null) {
			return "unknown";
		}
		if (rate >= 100) {
			return "full";
		}
		if (rate >= 75) {
			return "high";
		}
		return rate >= 25 ? "medium" : "low";
	}

}
