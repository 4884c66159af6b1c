package vn.cchc.local;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The "ready" banner: where everything is and who can sign in (Vietnamese, for people). */
final class Banner {

	static final Map<String, String> ROLE_LABELS = Map.of("citizen", "Thí sinh", "unit-manager", "Quản lý đơn vị",
			"judge", "Giám khảo", "secretary", "Thư ký", "organizer", "Ban tổ chức", "admin", "Quản trị");

	static final Map<String, String> ROLE_PAGES = Map.of("citizen", "#/thi-sinh", "unit-manager", "#/don-vi", "judge",
			"#/giam-khao", "secretary", "#/thu-ky", "organizer", "#/ban-to-chuc", "admin", "#/quan-tri");

	private Banner() {
	}

	static String render(LocalStack stack, long seconds) {
		String line = "═".repeat(78);
		StringBuilder out = new StringBuilder();
		out.append(System.lineSeparator()).append(line).append(System.lineSeparator());
		out.append("  NỀN TẢNG HỘI THI CCHC — MÔI TRƯỜNG CỤC BỘ ĐÃ SẴN SÀNG (khởi động trong ")
			.append(seconds)
			.append(" giây)")
			.append(System.lineSeparator());
		out.append(line).append(System.lineSeparator());
		row(out, "Giao diện web", stack.gatewayUrl() + "/");
		row(out, "Bảng xếp hạng", stack.gatewayUrl() + "/#/bang-xep-hang");
		row(out, "Keycloak (quản trị)", stack.keycloakUrl() + "/admin/master/console/  (admin / cchc-demo)");
		row(out, "Keycloak (realm cchc)", stack.keycloakUrl() + "/realms/cchc/account");
		for (Service service : Service.values()) {
			row(out, "Dịch vụ " + service.route(), stack.serviceUrl(service) + "/actuator/health");
		}
		if (stack.quizInstances() > 1) {
			row(out, "Các phiên bản quiz", String.join(", ", stack.quizInstanceUrls()));
		}
		row(out, "Kafka", stack.kafkaBootstrapServers());
		row(out, "MongoDB", stack.mongoUri());
		row(out, "Dữ liệu", stack.dataDir() + "  (xóa sạch: chạy lại với --reset)");
		row(out, "Nhật ký", stack.dataDir().resolve("logs") + "/");
		out.append(System.lineSeparator());
		out.append("  Tài khoản mẫu — mật khẩu chung: ").append(RealmFiles.DEMO_PASSWORD).append(System.lineSeparator());
		out.append(String.format("  %-14s %-20s %-28s %s%n", "Tài khoản", "Họ tên", "Vai trò", "Trang"));
		out.append("  ").append("─".repeat(76)).append(System.lineSeparator());
		for (RealmFiles.DemoAccount account : RealmFiles.demoAccounts()) {
			String roles = account.roles().stream().map(r -> ROLE_LABELS.getOrDefault(r, r)).collect(Collectors.joining(", "));
			List<String> pages = account.roles().stream().map(r -> ROLE_PAGES.getOrDefault(r, "")).toList();
			out.append(String.format("  %-14s %-20s %-28s %s%n", account.username(), account.fullName(), roles,
					stack.gatewayUrl() + "/" + pages.getFirst()));
		}
		out.append(System.lineSeparator());
		out.append("  Nhấn Ctrl+C để dừng toàn bộ tiến trình.").append(System.lineSeparator());
		out.append(line);
		return out.toString();
	}

	private static void row(StringBuilder out, String label, String value) {
		out.append(String.format("  %-24s %s%n", label + ":", value));
	}

}
