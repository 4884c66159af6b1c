package vn.cchc.registration.roster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.cchc.platform.web.ApiException;

/**
 * A dated change to a roster: a merge (A, B → C), a split (A → B, C), a rename or a headcount
 * change. {@link #applyTo} returns the next state and never edits the one it was given.
 */
sealed interface RosterChange {

	List<RosterUnit> applyTo(List<RosterUnit> units);

	String describe();

	record Merge(List<String> from, RosterUnit into) implements RosterChange {

		@Override
		public List<RosterUnit> applyTo(List<RosterUnit> units) {
			Map<String, RosterUnit> byCode = index(units);
			if (this.from == null || this.from.size() < 2) {
				throw invalid("Sáp nhập cần ít nhất hai đơn vị nguồn.");
			}
			requireAll(byCode, this.from);
			requireNew(byCode, this.into, Set.copyOf(this.from));
			Set<String> gone = new HashSet<>(this.from);
			List<RosterUnit> next = new ArrayList<>();
			boolean placed = false;
			for (RosterUnit unit : units) {
				if (gone.contains(unit.code())) {
					if (!placed) {
						next.add(this.into);
						placed = true;
					}
				}
				else {
					next.add(gone.contains(unit.parent()) ? unit.withParent(this.into.code()) : unit);
				}
			}
			return next;
		}

		@Override
		public String describe() {
			return "merge " + String.join("+", this.from) + " -> " + this.into.code();
		}

	}

	record Split(String from, List<RosterUnit> into) implements RosterChange {

		@Override
		public List<RosterUnit> applyTo(List<RosterUnit> units) {
			Map<String, RosterUnit> byCode = index(units);
			requireAll(byCode, List.of(this.from == null ? "" : this.from));
			if (this.into == null || this.into.size() < 2) {
				throw invalid("Chia tách cần ít nhất hai đơn vị mới.");
			}
			Set<String> seen = new HashSet<>();
			for (RosterUnit unit : this.into) {
				requireNew(byCode, unit, Set.of(this.from));
				if (!seen.add(unit.code())) {
					throw invalid("Mã đơn vị «" + unit.code() + "» bị trùng trong danh sách đơn vị mới.");
				}
			}
			if (units.stream().anyMatch((u) -> this.from.equals(u.parent()))) {
				throw invalid("Đơn vị «" + this.from
						+ "» đang là đơn vị cấp trên của đơn vị khác; hãy chuyển các đơn vị đó trước khi chia tách.");
			}
			List<RosterUnit> next = new ArrayList<>();
			for (RosterUnit unit : units) {
				if (unit.code().equals(this.from)) {
					next.addAll(this.into);
				}
				else {
					next.add(unit);
				}
			}
			return next;
		}

		@Override
		public String describe() {
			return "split " + this.from + " -> " + String.join("+", this.into.stream().map(RosterUnit::code).toList());
		}

	}

	record Rename(String code, String name) implements RosterChange {

		@Override
		public List<RosterUnit> applyTo(List<RosterUnit> units) {
			requireAll(index(units), List.of(this.code == null ? "" : this.code));
			if (this.name == null || this.name.isBlank()) {
				throw invalid("Tên mới của đơn vị đang để trống.");
			}
			return units.stream().map((u) -> u.code().equals(this.code) ? u.withName(this.name.strip()) : u).toList();
		}

		@Override
		public String describe() {
			return "rename " + this.code;
		}

	}

	record Headcount(String code, int headcount) implements RosterChange {

		@Override
		public List<RosterUnit> applyTo(List<RosterUnit> units) {
			requireAll(index(units), List.of(this.code == null ? "" : this.code));
			if (this.headcount < 0) {
				throw invalid("Biên chế không được là số âm.");
			}
			return units.stream().map((u) -> u.code().equals(this.code) ? u.withHeadcount(this.headcount) : u).toList();
		}

		@Override
		public String describe() {
			return "headcount " + this.code;
		}

	}

	private static Map<String, RosterUnit> index(List<RosterUnit> units) {
		Map<String, RosterUnit> byCode = new LinkedHashMap<>();
		units.forEach((u) -> byCode.put(u.code(), u));
		return byCode;
	}

	private static void requireAll(Map<String, RosterUnit> byCode, List<String> codes) {
		for (String code : codes) {
			if (!byCode.containsKey(code)) {
				throw invalid("Đơn vị «" + code + "» không có trong danh sách đơn vị tại ngày hiệu lực.");
			}
		}
	}

	private static void requireNew(Map<String, RosterUnit> byCode, RosterUnit unit, Set<String> replaced) {
		if (unit == null || unit.code() == null || unit.code().isBlank()) {
			throw invalid("Mã đơn vị mới đang để trống.");
		}
		if (unit.name() == null || unit.name().isBlank()) {
			throw invalid("Tên đơn vị mới «" + unit.code() + "» đang để trống.");
		}
		if (byCode.containsKey(unit.code()) && !replaced.contains(unit.code())) {
			throw invalid("Mã đơn vị «" + unit.code() + "» đã có trong danh sách đơn vị.");
		}
		if (unit.headcount() != null && unit.headcount() < 0) {
			throw invalid("Biên chế của đơn vị «" + unit.code() + "» không được là số âm.");
		}
		if (unit.parent() != null && (!byCode.containsKey(unit.parent()) || replaced.contains(unit.parent()))) {
			throw invalid("Đơn vị cấp trên «" + unit.parent() + "» không có trong danh sách đơn vị.");
		}
	}

	private static ApiException invalid(String detail) {
		return ApiException.badRequest("roster.change.invalid", detail);
	}

}
