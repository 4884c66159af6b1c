package vn.cchc.registration;

/** How personal data appears in lists and exports: enough to recognise, not to copy. */
final class Masking {

	private Masking() {
	}

	/** "079203001234" → "0792******34"; "0912345678" → "09******78". */
	static String digits(String value) {
		if (value == null || value.length() < 6) {
			return value == null ? null : "*".repeat(value.length());
		}
		int keepStart = value.length() >= 12 ? 4 : 2;
		return value.substring(0, keepStart) + "*".repeat(value.length() - keepStart - 2)
				+ value.substring(value.length() - 2);
	}

	/** "Nguyễn Thị Ánh" → "Nguyễn T. Á.": family name kept, other names as initials. */
	static String name(String fullName) {
		if (fullName == null || fullName.isBlank()) {
			return fullName;
		}
		String[] parts = fullName.strip().split("\\s+");
		StringBuilder masked = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			masked.append(' ').appendCodePoint(parts[i].codePointAt(0)).append('.');
		}
		return masked.toString();
	}

}
