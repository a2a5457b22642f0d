package org.sakkaya.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.sakkaya.platform.persistence.Ids;
import org.sakkaya.platform.persistence.PageRequest;

/** A person known to Sakkaya: a member of staff, a trainer, an administrator. E-mail is the login. */
@Entity
@Table(name = "person")
public class Person {
    /** What stands in place of erased names: aggregate figures keep counting the person, nobody can read who. */
    public static final String ERASED_NAME = "(ลบข้อมูลแล้ว)";

    @Id
    private String id;

    @Column(nullable = false)
    private String email;

    @Column(name = "title_th")
    private String titleTh;

    @Column(name = "first_name_th", nullable = false)
    private String firstNameTh;

    @Column(name = "last_name_th", nullable = false)
    private String lastNameTh;

    @Column(name = "title_en")
    private String titleEn;

    @Column(name = "first_name_en")
    private String firstNameEn;

    @Column(name = "last_name_en")
    private String lastNameEn;

    @Column(name = "organization_id", nullable = false)
    private String organizationId;

    private String position;

    // a list of people reads their roles in one more statement (IN), not one per person
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(value = BatchFetchType.IN, size = PageRequest.MAX_SIZE)
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "erased_at")
    private Instant erasedAt;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Person() {
    }

    public Person(String email, PersonName name, String organizationId, String position, Set<Role> roles,
                  Instant now) {
        this.id = Ids.next();
        this.email = normalizeEmail(email);
        this.organizationId = Objects.requireNonNull(organizationId);
        this.position = position;
        this.createdAt = now;
        rename(name);
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** E-mail addresses are compared without regard to case: the stored form is lower-case and trimmed. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public void rename(PersonName name) {
        this.titleTh = name.titleTh();
        this.firstNameTh = Objects.requireNonNull(name.firstNameTh());
        this.lastNameTh = Objects.requireNonNull(name.lastNameTh());
        this.titleEn = name.titleEn();
        this.firstNameEn = name.firstNameEn();
        this.lastNameEn = name.lastNameEn();
    }

    public void changeEmail(String email) {
        this.email = normalizeEmail(email);
    }

    public void moveTo(String organizationId, String position) {
        if (organizationId != null) {
            this.organizationId = organizationId;
        }
        if (position != null) {
            this.position = position;
        }
    }

    public void grantOnly(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    /**
     * PDPA erasure: names, e-mail and position are replaced; the id stays so that enrolments, grades and issued
     * certificates still count in aggregate figures without saying who.
     */
    public void erase(Instant now) {
        this.email = "erased-" + id + "@invalid";
        this.titleTh = null;
        this.firstNameTh = ERASED_NAME;
        this.lastNameTh = "";
        this.titleEn = null;
        this.firstNameEn = null;
        this.lastNameEn = null;
        this.position = null;
        this.roles.clear();
        // erasing again (see People.erase) keeps the date of the first erasure
        if (this.erasedAt == null) {
            this.erasedAt = now;
        }
    }

    public boolean erased() {
        return erasedAt != null;
    }

    public PersonName name() {
        return new PersonName(titleTh, firstNameTh, lastNameTh, titleEn, firstNameEn, lastNameEn);
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String organizationId() {
        return organizationId;
    }

    public String position() {
        return position;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? Set.of() : Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    public int version() {
        return version;
    }
}
