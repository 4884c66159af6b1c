package vn.cchc.registration.roster;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** The fixed kinds of participating unit, each with its Vietnamese label. */
public enum UnitKind {

	DEPARTMENT("department", "Sở, ban, ngành"), DISTRICT("district", "Quận, huyện, thị xã"),
	COMMUNE("commune", "Xã, phường, thị trấn"), NEIGHBOURHOOD("neighbourhood", "Khu phố, thôn, ấp"),
	AGENCY("agency", "Cơ quan, đơn vị"), PUBLIC_SERVICE("public-service", "Đơn vị sự nghiệp công lập"),
	CENTRAL_AGENCY("central-agency", "Cơ quan Trung ương đóng trên địa bàn"), SCHOOL("school", "Trường học"),
	OTHER("other", "Khác");

	private final String code;

	private final String label;

	UnitKind(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	/** Accepts the code ({@code commune}), the enum name or the Vietnamese label, case-insensitively. */
	static Optional<UnitKind> parse(String text) {
		String t = Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		for (UnitKind kind : values()) {
			if (kind.code.equals(t) || kind.name().toLowerCase(Locale.ROOT).equals(t)
					|| kind.label.toLowerCase(Locale.ROOT).equals(t)) {
				return Optional.of(kind);
			}
		}
		return switch (t) {
			case "khu phố", "khu-pho", "thôn", "ấp" -> Optional.of(NEIGHBOURHOOD);
			case "xã", "phường", "thị trấn" -> Optional.of(COMMUNE);
			case "sở", "ban" -> Optional.of(DEPARTMENT);
			case "huyện", "quận" -> Optional.of(DISTRICT);
			case "cơ quan" -> Optional.of(AGENCY);
			default -> Optional.empty();
		};
	}

}
