package org.sakkaya.program.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.sakkaya.platform.RecordVersions;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.program.entity.Competency;
import org.sakkaya.program.entity.Program;

/** The catalogue of programmes: anyone signed in reads it, PROGRAM_ADMIN writes it. */
@ApplicationScoped
public class Programs {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Transactional
    public Program create(ProgramRequest request) {
        requireFreeCode(request.code(), null);
        Program program = new Program(request.code(), request.nameTh(), request.nameEn(), request.track(),
                request.description(), competencies(request.competencies()), clock.instant());
        em.persist(program);
        audit.record("PROGRAM_CREATED", "program", program.id(), request.code());
        return program;
    }

    /** Changes a programme; with {@code ifMatch} (its {@code ETag}), only the version that was read. */
    @Transactional
    public Program update(String id, ProgramPatch patch, String ifMatch) {
        Program program = find(id);
        RecordVersions.requireMatch(ifMatch, program.version(), "programme");
        if (patch.code() != null && !patch.code().equals(program.code())) {
            requireFreeCode(patch.code(), id);
        }
        program.describe(patch.code(), patch.nameTh(), patch.nameEn(), patch.track(), patch.description());
        if (patch.competencies() != null) {
            program.replaceCompetencies(competencies(patch.competencies()));
        }
        audit.record("PROGRAM_CHANGED", "program", id, null);
        return RecordVersions.saved(em, program);
    }

    public Program find(String id) {
        return Optional.ofNullable(em.find(Program.class, id)).orElseThrow(() -> new NotFound("Program", id));
    }

    /** The codes of the programme's competencies, in its order: what assessments and questions may be tagged with. */
    public List<String> competencyCodes(String programId) {
        return find(programId).competencies().stream().map(Competency::code).toList();
    }

    public Page<Program> list(PageRequest page) {
        List<Program> items = page.apply(em.createQuery("SELECT p FROM Program p ORDER BY p.code", Program.class)).getResultList();
        long total = em.createQuery("SELECT COUNT(p) FROM Program p", Long.class).getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static List<Competency> competencies(List<ProgramRequest.CompetencyRequest> requests) {
        return requests == null ? List.of() : requests.stream().map(c -> new Competency(c.code(), c.nameTh())).toList();
    }

    private void requireFreeCode(String code, String exceptId) {
        boolean taken = !em.createQuery("SELECT p.id FROM Program p WHERE p.code = :code AND p.id <> :id", String.class)
                .setParameter("code", code).setParameter("id", exceptId == null ? "" : exceptId)
                .setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw new Conflict("duplicate-code", "A programme with code " + code + " exists already", new FieldError("code", "is taken"));
        }
    }
}
