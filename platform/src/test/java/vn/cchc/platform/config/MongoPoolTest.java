package vn.cchc.platform.config;

import com.mongodb.MongoClientSettings;
import com.mongodb.connection.ConnectionPoolSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MongoPoolTest {

	@Test
	void thePoolIsOpenedAheadAndSeveralConnectionsAtATimeWhenConfigured() {
		ConnectionPoolSettings driverDefaults = MongoClientSettings.builder().build().getConnectionPoolSettings();
		assertThat(driverDefaults.getMinSize()).as("the driver's own: grow on demand").isZero();
		assertThat(driverDefaults.getMaxConnecting()).as("the driver's own").isEqualTo(2);

		MongoClientSettings.Builder builder = MongoClientSettings.builder()
			.applyConnectionString(new com.mongodb.ConnectionString("mongodb://localhost/test?maxPoolSize=100"));
		new PlatformAutoConfiguration().cchcMongoPool(100, 8).customize(builder);
		ConnectionPoolSettings pool = builder.build().getConnectionPoolSettings();
		assertThat(pool.getMinSize()).isEqualTo(100);
		assertThat(pool.getMaxConnecting()).isEqualTo(8);
		assertThat(pool.getMaxSize()).as("the maximum is left as configured").isEqualTo(100);
	}

	@Test
	void unsetPropertiesLeaveTheConnectionStringsPoolOptions() {
		MongoClientSettings.Builder builder = MongoClientSettings.builder()
			.applyConnectionString(new com.mongodb.ConnectionString("mongodb://localhost/test?minPoolSize=5&maxConnecting=3"));
		new PlatformAutoConfiguration().cchcMongoPool(null, null).customize(builder);
		ConnectionPoolSettings pool = builder.build().getConnectionPoolSettings();
		assertThat(pool.getMinSize()).isEqualTo(5);
		assertThat(pool.getMaxConnecting()).isEqualTo(3);
	}

}
