package vn.cchc.awards;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Turns quiz results into standings (later: prizes, decisions, certificates, the live dashboard). */
@SpringBootApplication
public class AwardsApplication {

	public static void main(String[] args) {
		SpringApplication.run(AwardsApplication.class, args);
	}

}
