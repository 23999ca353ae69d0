package dev.rtksessions.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one URL rule of the outage bounds: pgjdbc's own socketTimeout replaces the service's. */
class DialectTest {
  @Test
  void aPostgresUrlWithItsOwnSocketTimeoutBoundsStatementsItself() {
    assertThat(Dialect.POSTGRESQL.urlBoundsStatements("jdbc:postgresql://db:5432/rtk?user=rtk&socketTimeout=10"))
        .isTrue();
    assertThat(Dialect.POSTGRESQL.urlBoundsStatements("jdbc:postgresql://db:5432/rtk?user=rtk")).isFalse();
    assertThat(Dialect.SQLITE.urlBoundsStatements("jdbc:sqlite:/tmp/x.db")).isFalse();
  }
}
