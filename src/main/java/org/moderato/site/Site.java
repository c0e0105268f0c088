package org.moderato.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Objects;

/** A site whose pages embed Moderato's threads. Its origins are kept normalised ({@link Origins}). */
@Entity
@Table(name = "sites")
public class Site {

    public static final int NAME_MAX = 100;
    public static final int ORIGINS_MAX = 2000;

    @Id
    @SequenceGenerator(name = "seq_sites", sequenceName = "seq_sites", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_sites")
    private Long id;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    /** One origin per line. */
    @Column(nullable = false, length = ORIGINS_MAX)
    private String origins;

    @Column(name = "create_threads", nullable = false)
    private boolean createThreads;

    @Version
    private int version;

    protected Site() {}

    public Site(String name, Origins origins, boolean createThreads) {
        change(name, origins, createThreads);
    }

    public void change(String name, Origins origins, boolean createThreads) {
        this.name = Objects.requireNonNull(name);
        this.origins = origins.lines();
        this.createThreads = createThreads;
    }

    public boolean allows(String origin) {
        return origins().contains(origin);
    }

    public List<String> origins() {
        return Origins.parse(origins).list();
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public boolean isCreateThreads() { return createThreads; }
}
