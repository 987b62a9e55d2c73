package dev.failforward.run;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials in store and model locations are masked; everything else is kept as written. */
class SecretsTest {

    @Test
    void masksThePasswordOfAJdbcUrl() {
        assertThat(Secrets.redact("jdbc:postgresql://db:5432/ff?user=ff&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/ff?user=ff&password=***&ssl=true");
    }

    @Test
    void masksCredentialsInAModelEndpointUrl() {
        assertThat(Secrets.redact("http://alice:S3cretM1@127.0.0.1:8080/v2/models/iris/infer?api_key=TOKEN9Z"))
                .isEqualTo("http://alice:***@127.0.0.1:8080/v2/models/iris/infer?api_key=***");
        assertThat(Secrets.redact("https://ghp_abc123@models.example/invocations"))
                .isEqualTo("https://***@models.example/invocations");
        assertThat(Secrets.redact("https://h/x?model=a&token=T1&Signature=S2&X-Amz-Credential=C3#frag"))
                .isEqualTo("https://h/x?model=a&token=***&Signature=***&X-Amz-Credential=***#frag");
        assertThat(Secrets.redact("POST https://h/infer?apikey=K failed with 401"))
                .isEqualTo("POST https://h/infer?apikey=*** failed with 401");
    }

    @Test
    void maskingTwiceChangesNothing() {
        assertThat(Secrets.redact("jdbc:postgresql://h:5432/ff?user=ff&password=pw:with:colons&ssl=true"))
                .isEqualTo("jdbc:postgresql://h:5432/ff?user=ff&password=***&ssl=true");
        String shown = "jdbc:postgresql://h:5432/ff?user=ff&password=***: cannot store run 7";
        assertThat(Secrets.redact(shown)).isEqualTo(shown);
        assertThat(Secrets.redact("http://u:***@h/infer?api_key=***&x=1")).isEqualTo("http://u:***@h/infer?api_key=***&x=1");
    }

    @Test
    void keepsWhatHoldsNoCredential() {
        for (String plain : new String[] {"http://127.0.0.1:8080/v2/models/iris/infer", "xgboost:/tmp/model.json",
                "failforward.db", "jdbc:sqlite:/tmp/a.db?journal_mode=WAL", "http://h/infer?monkey=1&keys=2", "a@b.example"}) {
            assertThat(Secrets.redact(plain)).isEqualTo(plain);
        }
    }

    @Test
    void masksOptionsNamedAsSecretsAndUrlsInOthers() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--model", "http://u:p@h/infer");
        options.put("--db-password", "x");
        assertThat(Secrets.redact(options)).containsExactly(Map.entry("--model", "http://u:***@h/infer"),
                Map.entry("--db-password", "***"));
    }
}
