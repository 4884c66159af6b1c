package vn.cchc.awards;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Awards settings.
 *
 * @param publicNames how names show to people who are not organisers: {@code masked} (middle names
 * as initials, given name starred) or {@code full}
 * @param parPointsMain PAR Index points proposed for a unit per main collective prize
 * @param parPointsSide PAR Index points proposed for a unit per side collective prize
 */
@ConfigurationProperties("cchc.awards")
record AwardsProperties(@DefaultValue("masked") String publicNames, @DefaultValue("1.0") double parPointsMain,
		@DefaultValue("0.5") double parPointsSide) {

	boolean masked() {
		return !"full".equals(this.publicNames);
	}

}
