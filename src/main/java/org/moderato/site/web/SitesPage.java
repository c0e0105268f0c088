package org.moderato.site.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.moderato.site.SiteAdmin;
import org.moderato.site.SiteAdmin.SiteRow;
import org.moderato.site.SiteRefused;
import org.moderato.platform.PageActions;
import org.omnifaces.util.Messages;

/** {@code /admin/sites}. View scoped: editing a site is a second step on the same page. */
@Named
@ViewScoped
public class SitesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SiteAdmin admin;

    private List<SiteRow> sites;
    private String name;
    private String origins;
    private boolean createThreads = true;
    private Long editing;

    @PostConstruct
    void load() {
        sites = admin.list();
    }

    public void add() {
        run(() -> {
            Messages.addGlobalInfo("Site {0} added. Paste the snippet below into its pages.", admin.add(name, origins, createThreads).getName());
            clear();
        });
    }

    public void edit(SiteRow row) {
        editing = row.id();
        name = row.name();
        origins = String.join("\n", row.origins());
        createThreads = row.createThreads();
    }

    public void save() {
        run(() -> {
            Messages.addGlobalInfo("Site {0} saved.", admin.change(editing, name, origins, createThreads).getName());
            clear();
        });
    }

    public void cancel() {
        clear();
    }

    private void clear() {
        editing = null;
        name = null;
        origins = null;
        createThreads = true;
    }

    private void run(Runnable action) {
        PageActions.run(action, SiteRefused.class, "Only admins can change sites.");
        sites = admin.list();
    }

    public List<SiteRow> getSites() { return sites; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getOrigins() { return origins; }
    public void setOrigins(String origins) { this.origins = origins; }
    public boolean isCreateThreads() { return createThreads; }
    public void setCreateThreads(boolean createThreads) { this.createThreads = createThreads; }
    public Long getEditing() { return editing; }
}
