package org.moderato.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailMaskTest {

    @ParameterizedTest
    @CsvSource({
        "jane@example.com, j•••@e•••.com",
        "j@e.co, j•••@e•••.co",
        "someone@mail.example.org, s•••@m•••.org",
        "x@localhost, x•••@l•••",
        "' Jane@Example.COM ', J•••@E•••.COM",
        "élodie@exemple.fr, é•••@e•••.fr",
        "not-an-address, n•••",
    })
    void showsFirstLettersAndTheTopLevelDomainOnly(String email, String masked) {
        assertEquals(masked, EmailMask.mask(email));
    }
}
