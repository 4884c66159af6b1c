package vn.cchc.contracts;

/** Participating units as a contest was published with them. */
public sealed interface UnitEvent extends CchcEvent {

	@Override
	default String subject() {
		return contestId() + ":" + unitCode();
	}

	String unitCode();

	/** A unit takes part, with its headcount (the denominator of participation rates). */
	record UnitRegistered(String contestId, String unitCode, String name, String group, int headcount)
			implements UnitEvent {
	}

}
