-- ---------------------------------------------------------------------------------------------------------------
-- Reports and indicator figures count the decisions of a year's cohorts: how many, how many passed, and for a
-- sending organisation (or its subtree) only its own. Each of these reads should find everything it needs in one
-- index. Before, the report by organisation and the figures of an organisation's subtree looked every counted row
-- up by its primary key (organization_id, resp. passed, missing from the index they walked): one random read per
-- enrolment. At 100,000 enrolments that took the report by organisation from 57 to 231 ms in SQL, and the
-- subtree's figure from 12 to 89 ms (docs/BENCHMARKS.md, issue 7 scenario 5).
-- Each old index is a prefix of its new one, so every query it served is served as before.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE pass_decision
    DROP INDEX ix_pass_decision_cohort,
    ADD INDEX ix_pass_decision_cohort (cohort_id, passed, organization_id),
    DROP INDEX ix_pass_decision_organization,
    ADD INDEX ix_pass_decision_organization (organization_id, cohort_id, passed);
