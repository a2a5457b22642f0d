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

    /**
     * Whether an ADMIN issued these credentials: registered the person, or reset the password (the invitation goes to
     * the ADMIN). Credentials that came from an HR registration stay untrusted through the invitation's acceptance and
     * any later password change, as whoever registered the person may have done either.
     */
    @Column(name = "credentials_from_admin")
    private boolean fromAdmin;

    @Column(name = "invitation_hash")
    private String invitationHash;

    @Column(name = "invitation_expires_at")
    private Instant invitationExpiresAt;

    /**
     * Set when HR chose the address (registering the person, or changing someone else's address): whoever chose it
     * could read a reset link mailed there, so none is sent until an ADMIN sets the address.
     */
    @Column(name = "reset_by_mail_withheld")
    private boolean resetByMailWithheld;

    /** Tokens carry the generation they were issued in; a token of an older one is refused. */
    @Column(name = "token_generation")
    private int tokenGeneration;

    @Column(name = "tokens_revoked_at")
    private Instant tokensRevokedAt;

    @Version
    private int version;

    protected Account() {
    }

    public Account(Person person) {
        this.person = person;
        this.personId = person.id();
    }

    /**
     * A password set with an invitation or by proving the current one. It is as trusted as what it replaces: whoever
     * held the invitation or the password could have set it.
     */
    public void setPassword(String hash, Instant now) {
        this.passwordHash = hash;
        this.passwordChangedAt = now;
        this.invitationHash = null;
        this.invitationExpiresAt = null;
    }

    /** A password given at registration by the registrar, who therefore knows it. */
    public void setInitialPassword(String hash, Instant now, boolean byAdmin) {
        setPassword(hash, now);
        this.fromAdmin = byAdmin;
    }

    /**
     * A person who registered themself, with a link sent to their own mailbox: nobody else chose or saw the password,
     * so it is as trusted as one an ADMIN issued.
     */
    public void setOwnFirstPassword(String hash, Instant now) {
        setPassword(hash, now);
        this.fromAdmin = true;
    }

    /** A registration's invitation, whose token is answered to the registrar. */
    public void invite(String tokenHash, Instant expiresAt, boolean byAdmin) {
        this.invitationHash = tokenHash;
        this.invitationExpiresAt = expiresAt;
        this.fromAdmin = byAdmin;
    }

    /** The password stops working; the person sets a new one with the one-time invitation an ADMIN hands them. */
    public void reset(String tokenHash, Instant expiresAt) {
        this.passwordHash = null;
        this.passwordChangedAt = null;
        invite(tokenHash, expiresAt, true);
    }

    /** A pending invitation stops working (it went to an address the account no longer has). */
    public void withdrawInvitation() {
        this.invitationHash = null;
        this.invitationExpiresAt = null;
    }

    /** HR chose the address of this account: no reset link goes there (see the field). */
    public void withholdResetByMail() {
        this.resetByMailWithheld = true;
    }

    /** An ADMIN set the address: a reset link may go there. */
    public void allowResetByMail() {
        this.resetByMailWithheld = false;
    }

    public boolean resetByMailWithheld() {
        return resetByMailWithheld;
    }

    /** The SHA-256 of the pending invitation's token; null when there is none. */
    public String invitationHash() {
        return invitationHash;
    }

    public boolean invitationValidAt(Instant now) {
        return invitationHash != null && invitationExpiresAt != null && now.isBefore(invitationExpiresAt);
    }

    /**
     * Whether someone besides the person and the ADMINs may know how to sign in as them: credentials that came from
     * an HR registration (its password, or its invitation, accepted or not), however often changed since.
     */
    public boolean credentialsKnownToOthers() {
        return !fromAdmin && (passwordHash != null || invitationHash != null);
    }

    /** Nothing left to sign in with. */
    public void close() {
        this.passwordHash = null;
        this.passwordChangedAt = null;
        this.fromAdmin = false;
        this.invitationHash = null;
        this.invitationExpiresAt = null;
    }

    /** Ends every session: tokens issued until now stop working; the person signs in again. */
    public void revokeTokens(Instant now) {
        this.tokenGeneration++;
        this.tokensRevokedAt = now;
    }

    public int tokenGeneration() {
        return tokenGeneration;
    }

    public Instant tokensRevokedAt() {
        return tokensRevokedAt;
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
