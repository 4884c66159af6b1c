package vn.cchc.registration.roster;

/**
 * One unit of a roster at one point in time. {@code code} is unique within a roster version;
 * {@code parent}, when set, is the code of another unit of the same version; {@code headcount}
 * (staff, the denominator of participation rates) is null when unknown and never negative.
 */
public record RosterUnit(String code, String name, UnitKind kind, String parent, String block, Integer headcount) {

	RosterUnit withName(String newName) {
		return new RosterUnit(this.code, newName, this.kind, this.parent, this.block, this.headcount);
	}

	RosterUnit withHeadcount(Integer newHeadcount) {
		return new RosterUnit(this.code, this.name, this.kind, this.parent, this.block, newHeadcount);
	}

	RosterUnit withParent(String newParent) {
		return new RosterUnit(this.code, this.name, this.kind, newParent, this.block, this.headcount);
	}

}
