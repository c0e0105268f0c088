package org.moderato.site;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.moderato.account.Role;

/** What admins do with sites ({@code /admin/sites}): add one, change its name, origins and first-use rule. */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class SiteAdmin {

    /** A site as the sites page lists it. */
    public record SiteRow(long id, String name, List<String> origins, boolean createThreads, long threads) {}

    @PersistenceContext
    EntityManager em;

    public List<SiteRow> list() {
        return em.createQuery("SELECT s, (SELECT COUNT(a) FROM Article a WHERE a.siteId = s.id) FROM Site s ORDER BY s.name, s.id",
                        Object[].class)
                .getResultList().stream()
                .map(row -> {
                    Site site = (Site) row[0];
                    return new SiteRow(site.getId(), site.getName(), site.origins(), site.isCreateThreads(), (Long) row[1]);
                })
                .toList();
    }

    public Site add(String name, String origins, boolean createThreads) {
        Site site = new Site(validName(name), validOrigins(origins, null), createThreads);
        em.persist(site);
        return site;
    }

    public Site change(long id, String name, String origins, boolean createThreads) {
        Site site = em.find(Site.class, id);
        if (site == null) {
            throw new SiteRefused("That site no longer exists.", 404);
        }
        site.change(validName(name), validOrigins(origins, id), createThreads);
        return site;
    }

    private static String validName(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty()) {
            throw new SiteRefused("Give the site a name.", 400);
        }
        if (name.length() > Site.NAME_MAX) {
            throw new SiteRefused("The name is too long (at most " + Site.NAME_MAX + " characters).", 400);
        }
        return name;
    }

    /** An origin belongs to one site: the API knows a page's site from its browser's Origin header alone. */
    private Origins validOrigins(String typed, Long ownId) {
        Origins origins;
        try {
            origins = Origins.parse(typed);
        } catch (IllegalArgumentException e) {
            throw new SiteRefused(e.getMessage(), 400);
        }
        if (origins.lines().length() > Site.ORIGINS_MAX) {
            throw new SiteRefused("The origins are too long together (at most " + Site.ORIGINS_MAX + " characters).", 400);
        }
        for (Site other : em.createQuery("SELECT s FROM Site s", Site.class).getResultList()) {
            if (!other.getId().equals(ownId)) {
                origins.list().stream().filter(other::allows).findFirst().ifPresent(taken -> {
                    throw new SiteRefused(taken + " already belongs to the site " + other.getName() + ".", 400);
                });
            }
        }
        return origins;
    }
}
