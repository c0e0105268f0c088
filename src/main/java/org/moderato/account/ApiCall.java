package org.moderato.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One staff API call in the audit trail: the token, the method and path, the status it got. */
@Entity
@Table(name = "api_calls")
public class ApiCall {

    public static final int PATH_MAX = 300;

    @Id
    @SequenceGenerator(name = "seq_api_calls", sequenceName = "seq_api_calls", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_api_calls")
    private Long id;

    @Column(name = "token_id")
    private Long tokenId;

    @Column(nullable = false, length = 10)
    private String method;

    @Column(nullable = false, length = PATH_MAX)
    private String path;

    @Column(nullable = false)
    private int status;

    @Column(name = "called_at", nullable = false)
    private Instant calledAt;

    protected ApiCall() {}

    ApiCall(Long tokenId, String method, String path, int status, Instant calledAt) {
        this.tokenId = tokenId;
        this.method = method.length() > 10 ? method.substring(0, 10) : method;
        this.path = path.length() > PATH_MAX ? path.substring(0, PATH_MAX) : path;
        this.status = status;
        this.calledAt = calledAt;
    }
}
