package vn.cchc.registration.roster;

import java.util.List;

import vn.cchc.platform.web.ApiException;

import org.springframework.http.HttpStatus;

/** A roster file refused whole: every bad row with its number, rendered as the problem's {@code errors}. */
class RosterImportRefused extends ApiException {

	private final List<RowError> errors;

	RosterImportRefused(List<RowError> errors) {
		super(HttpStatus.BAD_REQUEST, "roster.import.invalid", "Tệp danh sách đơn vị có " + errors.size()
				+ " lỗi; chưa có đơn vị nào được ghi. Dòng " + errors.get(0).row() + ": " + errors.get(0).message());
		this.errors = List.copyOf(errors);
		withProperty("errors", this.errors);
	}

	List<RowError> errors() {
		return this.errors;
	}

}
