package vn.cchc.awards;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.cchc.awards.OfficialResults.Decision;
import vn.cchc.awards.OfficialResults.Official;
import vn.cchc.awards.OfficialResults.Version;
import vn.cchc.awards.ranking.Award;
import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;

/**
 * The official results: the organiser's workflow (finalise, draft the decision, approve, publish,
 * correct) and the documents; anyone may read a published version and its documents.
 */
@RestController
@RequestMapping("/api/awards/contests/{contestId}")
class ResultsController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final OfficialResults official;

	private final ContestResults results;

	private final AwardsProperties properties;

	ResultsController(OfficialResults official, ContestResults results, AwardsProperties properties) {
		this.official = official;
		this.results = results;
		this.properties = properties;
	}

	/** What a reader sees: the organiser the work in progress, others the published versions only. */
	record ResultsView(String contestId, String title, String status, int version, @Nullable Decision decision,
			@Nullable String reason, List<Award> awards, List<Version> published) {
	}

	@GetMapping("/results")
	ResultsView results(@PathVariable String contestId, @Nullable Caller caller) {
		Official o = this.official.find(contestId);
		if (StandingsController.isOrganiser(caller)) {
			if (o == null) {
				return new ResultsView(contestId, this.results.of(contestId).title(), "provisional", 0, null, null,
						List.of(), List.of());
			}
			return new ResultsView(contestId, o.title(), o.status(), o.version(), o.decision(), o.reason(), o.awards(),
					o.published());
		}
		Version latest = o == null ? null : o.latest();
		if (latest == null) {
			throw ApiException.notFound("awards.results.not-published", "Kết quả chính thức chưa được công bố.");
		}
		return new ResultsView(contestId, o.title(), "published", latest.version(), latest.decision(),
				latest.reason(), latest.awards(), o.published());
	}

	@PostMapping("/results/finalise")
	ResultsView finalise(@PathVariable String contestId, Caller caller) {
		caller.require(StandingsController.ORGANISERS);
		this.official.finalise(contestId, caller.userId());
		return results(contestId, caller);
	}

	record DecisionDraft(@NotBlank String number, @NotNull LocalDate date, @NotBlank String signer,
			@NotBlank String signerTitle, @NotBlank String issuer, @Nullable String place) {
	}

	@PutMapping("/results/decision")
	ResultsView decision(@PathVariable String contestId, @Valid @RequestBody DecisionDraft draft, Caller caller) {
		caller.require(StandingsController.ORGANISERS);
		this.official.draftDecision(contestId, new Decision(draft.number().trim(), draft.date(), draft.signer().trim(),
				draft.signerTitle().trim(), draft.issuer().trim(), draft.place()));
		return results(contestId, caller);
	}

	@PostMapping("/results/approve")
	ResultsView approve(@PathVariable String contestId, Caller caller) {
		caller.require(StandingsController.ORGANISERS);
		this.official.approve(contestId, caller.userId());
		return results(contestId, caller);
	}

	@PostMapping("/results/publish")
	ResultsView publish(@PathVariable String contestId, Caller caller) {
		caller.require(StandingsController.ORGANISERS);
		this.official.publish(contestId, caller.userId());
		return results(contestId, caller);
	}

	record Correction(@NotBlank String reason) {
	}

	@PostMapping("/results/corrections")
	ResultsView correct(@PathVariable String contestId, @Valid @RequestBody Correction correction, Caller caller) {
		caller.require(StandingsController.ORGANISERS);
		this.official.correct(contestId, correction.reason().trim());
		return results(contestId, caller);
	}

	/** The certificate of the n-th award (1-based) of a version; the latest published by default. */
	@GetMapping("/results/certificates/{n}")
	ResponseEntity<byte[]> certificate(@PathVariable String contestId, @PathVariable int n,
			@RequestParam(required = false) @Nullable Integer version, @Nullable Caller caller) {
		Document document = document(contestId, version, caller);
		if (n < 1 || n > document.awards().size()) {
			throw ApiException.notFound("awards.certificate.not-found", "Không có giải thứ " + n + " trong quyết định.");
		}
		Award award = document.awards().get(n - 1);
		byte[] pdf = Documents.certificate(document.title(), award, unitNames(contestId).get(award.unitCode()),
				document.decision());
		return file(pdf, MediaType.APPLICATION_PDF, "giay-khen-" + n + ".pdf");
	}

	@GetMapping("/results/decision.pdf")
	ResponseEntity<byte[]> decisionPdf(@PathVariable String contestId,
			@RequestParam(required = false) @Nullable Integer version, @Nullable Caller caller) {
		Document d = document(contestId, version, caller);
		return file(Documents.decision(d.title(), d.awards(), d.decision(), d.version(), d.reason(), unitNames(contestId)),
				MediaType.APPLICATION_PDF, "quyet-dinh-khen-thuong.pdf");
	}

	/** Standings and prizes as XLSX: the published prizes, or (organisers) the provisional ones. */
	@GetMapping("/results.xlsx")
	ResponseEntity<byte[]> workbook(@PathVariable String contestId, @Nullable Caller caller) {
		return file(Documents.workbook(this.results.of(contestId), awardsFor(contestId, caller)), XLSX,
				"ket-qua.xlsx");
	}

	@GetMapping("/par-index.csv")
	ResponseEntity<byte[]> parIndex(@PathVariable String contestId, @Nullable Caller caller) {
		return file(Documents.parIndex(this.results.of(contestId), awardsFor(contestId, caller), this.properties),
				new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), "diem-chi-so-cchc.csv");
	}

	private List<Award> awardsFor(String contestId, @Nullable Caller caller) {
		Official o = this.official.find(contestId);
		Version latest = o == null ? null : o.latest();
		if (latest != null) {
			return latest.awards();
		}
		if (!StandingsController.isOrganiser(caller)) {
			throw ApiException.notFound("awards.results.not-published", "Kết quả chính thức chưa được công bố.");
		}
		return this.results.of(contestId).allocation().awards();
	}

	private record Document(String title, List<Award> awards, Decision decision, int version, @Nullable String reason) {
	}

	/** A published version, or for organisers the drafted decision being worked on (a preview). */
	private Document document(String contestId, @Nullable Integer version, @Nullable Caller caller) {
		Official o = this.official.find(contestId);
		if (o != null) {
			boolean draft = StandingsController.isOrganiser(caller) && o.decision() != null
					&& !"published".equals(o.status()) && (version == null || version == o.version());
			if (draft) {
				return new Document(o.title(), o.awards(), o.decision(), o.version(), o.reason());
			}
			for (Version v : o.published()) {
				if (version == null ? v == o.latest() : v.version() == version) {
					return new Document(o.title(), v.awards(), v.decision(), v.version(), v.reason());
				}
			}
		}
		throw ApiException.notFound("awards.results.not-published",
				"Chưa có quyết định khen thưởng để lập văn bản (cần dự thảo quyết định hoặc kết quả đã công bố).");
	}

	private Map<String, String> unitNames(String contestId) {
		return this.results.of(contestId)
			.units()
			.stream()
			.collect(Collectors.toMap(ReadModels.UnitInfo::unitCode, ReadModels.UnitInfo::name, (a, b) -> a));
	}

	private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}
