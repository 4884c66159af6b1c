package vn.cchc.registration.template;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;

/** The ready-made contest configurations, one per plan of the seeds (organisers and admins). */
@RestController
@RequestMapping("/api/registration/templates")
class TemplateController {

	@GetMapping
	List<TemplateSummary> list(Caller caller) {
		caller.require("organizer", "admin");
		return ContestTemplates.all()
			.stream()
			.map(t -> new TemplateSummary(t.code(), t.title(), t.organizer(), t.summary()))
			.toList();
	}

	@GetMapping("/{code}")
	ContestTemplate one(Caller caller, @PathVariable String code) {
		caller.require("organizer", "admin");
		return ContestTemplates.find(code)
			.orElseThrow(() -> ApiException.notFound("template.unknown", "Không có mẫu cuộc thi «" + code + "»."));
	}

	record TemplateSummary(String code, String title, String organizer, String summary) {
	}

}
