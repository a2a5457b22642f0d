package org.sakkaya.workshop.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.sakkaya.identity.boundary.OrganizationScope;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.Roles;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.Enrollments;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.program.entity.Enrollment;

/**
 * Who may see and do what in a cohort's workshops. PROGRAM_ADMIN and the cohort's trainers run it and see
 * everyone's records; HR reads its own staff's records (by the organisation that sent them); a trainee reads the
 * schedule of a cohort they hold a seat in, and only their own records. A trainer of another cohort is nobody here.
 */
@ApplicationScoped
public class CohortAccess {
    @Inject
    Caller caller;

    @Inject
    Enrollments enrollments;

    @Inject
    Cohorts cohorts;

    @Inject
    OrganizationScope scope;

    /** PROGRAM_ADMIN or one of the cohort's trainers. */
    public boolean runs(Cohort cohort) {
        return caller.is(Roles.PROGRAM_ADMIN) || trains(cohort);
    }

    /** One of the cohort's own trainers (mentors), still holding the TRAINER role. */
    public boolean trains(Cohort cohort) {
        return cohorts.trainedByCaller(cohort);
    }

    /** May read the cohort's schedule and assignments. */
    public boolean readsSchedule(Cohort cohort) {
        return runs(cohort) || caller.is(Roles.HR) || seatedCaller(cohort);
    }

    public boolean isHr() {
        return caller.is(Roles.HR);
    }

    private boolean seatedCaller(Cohort cohort) {
        return caller.is(Roles.TRAINEE) && enrollments.isSeated(cohort.id(), caller.personId());
    }

    /** The seats whose records the caller may read: all of them, HR's own staff, or the caller's own. */
    public List<Enrollment> readableSeats(Cohort cohort) {
        List<Enrollment> seated = enrollments.seated(cohort.id());
        if (runs(cohort)) {
            return seated;
        }
        return seated.stream()
                .filter(e -> caller.isPerson(e.personId()) || scope.hrCovers(e.organizationId()))
                .toList();
    }

    /** May read this person's records in the cohort. */
    public boolean readsRecordsOf(Cohort cohort, String personId) {
        if (runs(cohort) || caller.isPerson(personId)) {
            return true;
        }
        return caller.is(Roles.HR) && enrollments.seated(cohort.id()).stream()
                .anyMatch(e -> e.personId().equals(personId) && scope.hrCovers(e.organizationId()));
    }

    public String callerId() {
        return caller.personId();
    }
}
