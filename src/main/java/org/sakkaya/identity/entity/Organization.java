package org.sakkaya.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.sakkaya.platform.persistence.Ids;
import org.sakkaya.platform.problem.RuleViolation;

/**
 * A unit in the tree ministry > department > division, or an outside partner. The materialised {@code path}
 * ("/rootId/.../thisId/") makes "is X inside Y's subtree" a prefix test that an index answers.
 */
@Entity
@Table(name = "organization")
public class Organization {
    @Id
    private String id;

    @Column(nullable = false)
    private String code;

    @Column(name = "name_th", nullable = false)
    private String nameTh;

    @Column(name = "name_en")
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganizationKind kind;

    @Column(name = "parent_id")
    private String parentId;

    @Column(nullable = false)
    private String path;

    private String province;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Organization() {
    }

    public Organization(String code, String nameTh, String nameEn, OrganizationKind kind, Organization parent,
                        String province, Instant now) {
        this.id = Ids.next();
        this.code = Objects.requireNonNull(code);
        this.nameTh = Objects.requireNonNull(nameTh);
        this.nameEn = nameEn;
        this.kind = Objects.requireNonNull(kind);
        this.province = province;
        this.createdAt = now;
        placeUnder(parent);
    }

    /** Sets the parent; the caller must then re-root the descendants' paths (see {@code Organizations.move}). */
    public void placeUnder(Organization parent) {
        if (parent != null && parent.path.startsWith(pathOrNull())) {
            throw new RuleViolation("organization-cycle", "An organisation cannot be placed under itself or its own sub-unit");
        }
        this.parentId = parent == null ? null : parent.id;
        this.path = (parent == null ? "/" : parent.path) + id + "/";
    }

    private String pathOrNull() {
        return path == null ? "\u0000" : path;
    }

    public void rename(String code, String nameTh, String nameEn, String province) {
        if (code != null) {
            this.code = code;
        }
        if (nameTh != null) {
            this.nameTh = nameTh;
        }
        if (nameEn != null) {
            this.nameEn = nameEn;
        }
        if (province != null) {
            this.province = province;
        }
    }

    public void reclassify(OrganizationKind kind) {
        if (kind != null) {
            this.kind = kind;
        }
    }

    /** True when {@code other} is this organisation or one of its sub-units. */
    public boolean contains(Organization other) {
        return other.path.startsWith(path);
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String nameTh() {
        return nameTh;
    }

    public String nameEn() {
        return nameEn;
    }

    public OrganizationKind kind() {
        return kind;
    }

    public String parentId() {
        return parentId;
    }

    public String path() {
        return path;
    }

    public String province() {
        return province;
    }

    public int version() {
        return version;
    }
}
