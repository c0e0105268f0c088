package org.moderato.moderation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.moderato.account.AccountAdmin;
import org.moderato.account.AccountService;
import org.moderato.article.ArticleService;
import org.moderato.article.wordpress.WordPressImport;
import org.moderato.privacy.PrivacyLog;
import org.moderato.rules.RuleStore;

/**
 * The URL constraints in web.xml are the first check; the services check the caller's role again, so
 * a page that forgets a constraint (or a future REST endpoint) still cannot act for an anonymous caller.
 */
class ServerSideAuthorisationTest {

    @Test
    void theDeskServicesAreForModeratorsAndAdminsOnly() {
        for (Class<?> service : new Class<?>[] {ModerationService.class, ModerationQueue.class}) {
            RolesAllowed roles = service.getAnnotation(RolesAllowed.class);
            assertNotNull(roles, service.getSimpleName());
            assertArrayEquals(new String[] {"moderator", "admin"}, roles.value(), service.getSimpleName());
            noMethodOpensItUp(service);
        }
    }

    @Test
    void accountAdministrationIsForAdminsOnly() {
        assertArrayEquals(new String[] {"admin"}, AccountAdmin.class.getAnnotation(RolesAllowed.class).value());
        noMethodOpensItUp(AccountAdmin.class);
    }

    @Test
    void everyAdminOnlyServiceChecksTheRoleItself() throws NoSuchMethodException {
        for (Class<?> service : new Class<?>[] {RulesDryRun.class, WordPressImport.class}) {
            assertArrayEquals(new String[] {"admin"}, service.getAnnotation(RolesAllowed.class).value(), service.getSimpleName());
            noMethodOpensItUp(service);
        }
        Map<Class<?>, List<String>> adminMethods = Map.of(
                RuleStore.class, List.of("problems", "save", "recentChanges"),
                ArticleService.class, List.of("save", "freeSlug", "list"),
                PrivacyLog.class, List.of("recent"));
        adminMethods.forEach((service, names) -> {
            for (String name : names) {
                Method method = Arrays.stream(service.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
                RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
                assertNotNull(roles, service.getSimpleName() + "." + name);
                assertArrayEquals(new String[] {"admin"}, roles.value(), service.getSimpleName() + "." + name);
            }
        });
    }

    @Test
    void changingOnesOwnAccountNeedsALogin() throws NoSuchMethodException {
        for (String name : new String[] {"changeOwnPassword", "loggedIn"}) {
            Method method = Arrays.stream(AccountService.class.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                    .orElseThrow();
            assertNotNull(method.getAnnotation(RolesAllowed.class), name);
        }
    }

    private static void noMethodOpensItUp(Class<?> service) {
        for (Method method : service.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers())) {
                assertTrue(method.getAnnotation(PermitAll.class) == null, service.getSimpleName() + "." + method.getName());
                RolesAllowed own = method.getAnnotation(RolesAllowed.class);
                assertTrue(own == null || Arrays.asList(own.value()).stream().allMatch(r -> r.equals("moderator") || r.equals("admin")),
                        service.getSimpleName() + "." + method.getName());
            }
        }
    }
}
