package vn.cchc.contracts;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding (binary content mode): the
 * attributes travel as {@code ce_}-prefixed headers and the record value is the event's JSON data.
 */
public final class CloudEventAttributes {

	public static final String SPEC_VERSION = "1.0";

	public static final String ID = "ce_id";
	public static final String SPECVERSION = "ce_specversion";
	public static final String TYPE = "ce_type";
	public static final String SOURCE = "ce_source";
	public static final String TIME = "ce_time";
	public static final String SUBJECT = "ce_subject";
	public static final String CONTEST_ID = "ce_contestid";
	/** W3C trace context, as the CloudEvents distributed-tracing extension names it. */
	public static final String TRACEPARENT = "ce_traceparent";
	public static final String CONTENT_TYPE = "content-type";

	private CloudEventAttributes() {
	}

}
