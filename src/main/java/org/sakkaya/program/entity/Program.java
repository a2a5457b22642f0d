package org.sakkaya.program.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.sakkaya.platform.persistence.Ids;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.InvalidInput;

/** A curriculum (หลักสูตร) such as Data Scientist, run as cohorts. */
@Entity
@Table(name = "program")
public class Program {
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
    private Track track;

    private String description;

    // a page of programmes reads its competencies in one more statement (IN), not one per programme
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(value = BatchFetchType.IN, size = PageRequest.MAX_SIZE)
    @CollectionTable(name = "program_competency", joinColumns = @JoinColumn(name = "program_id"))
    @OrderColumn(name = "position")
    private List<Competency> competencies = new ArrayList<>();

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Program() {
    }

    public Program(String code, String nameTh, String nameEn, Track track, String description,
                   List<Competency> competencies, Instant now) {
        this.id = Ids.next();
        this.code = Objects.requireNonNull(code);
        this.nameTh = Objects.requireNonNull(nameTh);
        this.nameEn = nameEn;
        this.track = Objects.requireNonNull(track);
        this.description = description;
        this.createdAt = now;
        replaceCompetencies(competencies);
    }

    public void describe(String code, String nameTh, String nameEn, Track track, String description) {
        if (code != null) {
            this.code = code;
        }
        if (nameTh != null) {
            this.nameTh = nameTh;
        }
        if (nameEn != null) {
            this.nameEn = nameEn;
        }
        if (track != null) {
            this.track = track;
        }
        if (description != null) {
            this.description = description;
        }
    }

    /**
     * Competency codes are unique within a programme: assessments refer to them. Unique as the column's collation has
     * it, without case: {@code C1} and {@code c1} are one code there, and were refused only by the unique key at the
     * commit, as a 409 that named no field.
     */
    public void replaceCompetencies(List<Competency> replacement) {
        var codes = new HashSet<String>();
        for (Competency competency : replacement) {
            if (!codes.add(competency.code().toLowerCase(java.util.Locale.ROOT))) {
                throw new InvalidInput("competencies", "code " + competency.code() + " appears twice");
            }
        }
        competencies.clear();
        competencies.addAll(replacement);
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

    public Track track() {
        return track;
    }

    public String description() {
        return description;
    }

    public List<Competency> competencies() {
        return List.copyOf(competencies);
    }

    public int version() {
        return version;
    }
}
