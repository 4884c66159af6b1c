package vn.cchc.contracts;

import java.util.List;

/** Teams of units for live and video rounds. */
public sealed interface TeamEvent extends CchcEvent {

	@Override
	default String subject() {
		return teamId();
	}

	String teamId();

	record TeamRegistered(String contestId, String teamId, String unitCode, String name, List<String> memberNames)
			implements TeamEvent {
	}

}
