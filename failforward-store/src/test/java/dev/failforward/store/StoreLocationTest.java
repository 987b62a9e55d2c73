package dev.failforward.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** How a location names a database; opening is tested in {@link OpeningTest}. */
class StoreLocationTest {

    @Test
    void noLocationMeansTheDefaultFile() {
        for (String none : new String[] {null, "", "  "}) {
            StoreLocation where = StoreLocation.parse(none);
            assertThat(where.dialect()).isEqualTo(Dialect.SQLITE);
            assertThat(where.file()).isEqualTo(Path.of(JdbcFailureLog.DEFAULT_LOCATION));
            assertThat(where.jdbcUrl()).isEqualTo("jdbc:sqlite:" + JdbcFailureLog.DEFAULT_LOCATION);
        }
    }

    @Test
    void aPathIsASqliteFile() {
        StoreLocation where = StoreLocation.parse("runs/team.db");
        assertThat(where.jdbcUrl()).isEqualTo("jdbc:sqlite:runs/team.db");
        assertThat(where.file()).isEqualTo(Path.of("runs/team.db"));
    }

    @Test
    void aSqliteUrlKeepsItsParametersAndNamesItsFile() {
        StoreLocation where = StoreLocation.parse("jdbc:sqlite:file:/srv/ff/log.db?cache=shared");
        assertThat(where.jdbcUrl()).isEqualTo("jdbc:sqlite:file:/srv/ff/log.db?cache=shared");
        assertThat(where.file()).isEqualTo(Path.of("/srv/ff/log.db"));
    }

    @Test
    void aPostgresUrlIsShownWithoutItsPassword() {
        StoreLocation where = StoreLocation.parse("jdbc:postgresql://db:5432/ff?user=ff&password=p4ss&ssl=true");
        assertThat(where.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(where.file()).isNull();
        assertThat(where.display()).isEqualTo("jdbc:postgresql://db:5432/ff?user=ff&password=***&ssl=true");
    }
}
