package vn.cchc.awards;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import vn.cchc.platform.web.Caller;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live dashboard: a snapshot, an event stream of snapshots, and a CSV download. */
@RestController
@RequestMapping("/api/awards/contests/{contestId}")
class DashboardController {

	private final Dashboard dashboard;

	private final DashboardStream stream;

	DashboardController(Dashboard dashboard, DashboardStream stream) {
		this.dashboard = dashboard;
		this.stream = stream;
	}

	@GetMapping("/dashboard")
	Dashboard.View dashboard(@PathVariable String contestId, @Nullable Caller caller) {
		return this.dashboard.of(contestId, StandingsController.isOrganiser(caller));
	}

	@GetMapping(path = "/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> stream(@PathVariable String contestId, @Nullable Caller caller) {
		// No buffering by a proxy in front (nginx honours this header); no caching of a live stream.
		return ResponseEntity.ok()
			.header("X-Accel-Buffering", "no")
			.header(HttpHeaders.CACHE_CONTROL, "no-cache")
			.body(this.stream.subscribe(contestId, StandingsController.isOrganiser(caller)));
	}

	@GetMapping("/dashboard.csv")
	ResponseEntity<byte[]> csv(@PathVariable String contestId, @Nullable Caller caller) {
		Dashboard.View view = this.dashboard.of(contestId, StandingsController.isOrganiser(caller));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("bang-theo-doi.csv").build().toString())
			.body(Dashboard.csv(view, ZoneId.of("Asia/Ho_Chi_Minh")).getBytes(StandardCharsets.UTF_8));
	}

}
