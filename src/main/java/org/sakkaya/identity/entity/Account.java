package org.sakkaya.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person's credentials: a bcrypt hash, or a pending invitation (kept as the SHA-256 of its token). */
@Entity
@Table(name = "account")
public class Account {
    @Id
    @Column(name = "person_id")
    private String personId;

    /** Mapped so that the account row is always written after its person row. */
    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    /** False for a password given at registration: whoever registered the person knows it. */
    @Column(name = "password_set_by_owner")
    private boolean passwordSetByOwner;

    @Column(name = "invitation_hash")
    private String invitationHash;

    @Column(name = "invitation_expires_at")
    private Instant invitationExpiresAt;

    @Version
    private int version;

    protected Account() {
    }

    public Account(Person person) {
        this.person = person;
        this.personId = person.id();
    }

    /** A password the person chose themself: with an invitation, or proving the current one. */
    public void setPassword(String hash, Instant now) {
        setPassword(hash, now, true);
    }

    /** A password given at registration by someone else, who therefore knows it. */
    public void setInitialPassword(String hash, Instant now) {
        setPassword(hash, now, false);
    }

    private void setPassword(String hash, Instant now, boolean byOwner) {
        this.passwordHash = hash;
        this.passwordChangedAt = now;
        this.passwordSetByOwner = byOwner;
        this.invitationHash = null;
        this.invitationExpiresAt = null;
    }

    public void invite(String tokenHash, Instant expiresAt) {
        this.invitationHash = tokenHash;
        this.invitationExpiresAt = expiresAt;
    }

    /** The password stops working; the person sets a new one with the one-time invitation. */
    public void reset(String tokenHash, Instant expiresAt) {
        this.passwordHash = null;
        this.passwordChangedAt = null;
        this.passwordSetByOwner = false;
        invite(tokenHash, expiresAt);
    }

    public boolean invitationValidAt(Instant now) {
        return invitationHash != null && invitationExpiresAt != null && now.isBefore(invitationExpiresAt);
    }

    /**
     * Whether someone besides the person may know how to sign in as them: a password given at registration and
     * never changed by its owner, or an invitation not yet accepted (its token went to whoever asked for it).
     */
    public boolean credentialsKnownToOthers() {
        return (passwordHash != null && !passwordSetByOwner) || invitationHash != null;
    }

    /** Nothing left to sign in with. */
    public void close() {
        this.passwordHash = null;
        this.passwordChangedAt = null;
        this.passwordSetByOwner = false;
        this.invitationHash = null;
        this.invitationExpiresAt = null;
    }

    public String personId() {
        return personId;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public Instant invitationExpiresAt() {
        return invitationExpiresAt;
    }
}
