package org.moderato.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.moderato.account.Role;

class DatabaseBackupTest {

    @Test
    void theBackupsRoleIsTheAdminRoleOfTheAccounts() {
        // platform may not depend on account, so the name is spelled twice; this keeps the two the same
        assertEquals(Role.ADMIN_NAME, DatabaseBackup.ADMIN_ROLE);
    }
}
