package vn.cchc.gateway.routing;

import java.util.Map;

/** How a person calls each backend, for messages such as "Dịch vụ thi trắc nghiệm đang tạm gián đoạn". */
public final class ServiceNames {

	private static final Map<String, String> NAMES = Map.of("registration", "đăng ký dự thi", "quiz",
			"thi trắc nghiệm", "submission", "nộp bài dự thi", "judging", "chấm thi", "awards",
			"xếp hạng và giải thưởng");

	private ServiceNames() {
	}

	public static String of(String routeId) {
		return NAMES.getOrDefault(routeId, routeId);
	}

}
