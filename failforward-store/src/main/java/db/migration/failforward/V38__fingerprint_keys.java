package db.migration.failforward;

import dev.failforward.store.FingerprintKey;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 38: {@code failure_fingerprints} is keyed by a 64-bit integer made from the
 * fingerprint instead of its text, and each failure keeps its key in {@code fingerprint_key}; see
 * {@code FingerprintKey}. In Java because the keys are computed there.
 */
public class V38__fingerprint_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        FingerprintKey.migrate(context.getConnection());
    }
}
