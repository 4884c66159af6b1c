package vn.cchc.awards;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.cchc.platform.web.Caller;

/** Operations on the service itself (administrators only). */
@RestController
@RequestMapping("/api/awards/admin")
class AdminController {

	private final ReadModelRebuild rebuild;

	AdminController(ReadModelRebuild rebuild) {
		this.rebuild = rebuild;
	}

	/** Drops the read models and replays the topics from the start (answers at once: 202). */
	@PostMapping("/rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	ReadModelRebuild.Report rebuild(Caller caller) {
		caller.require("admin");
		return this.rebuild.rebuild();
	}

}
