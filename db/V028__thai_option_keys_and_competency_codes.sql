-- ---------------------------------------------------------------------------------------------------------------
-- Two JSON columns hold text that users write, in Thai as often as not, yet were ASCII:
--   attempt.layout              the option keys of each question in the attempt's order: a quiz whose options are
--                               keyed ก ข ค ง (the natural keys of a Thai multiple choice) could not be started by
--                               anybody (MariaDB error 1366 at the flush, a 500, for every trainee, for ever);
--   assessment.competency_codes codes of the programme's competencies, which may be Thai (ทักษะ-1), as the
--                               programme's own column (program_competency.code) is.
-- Both become utf8mb4 with the collation of the assessment feature's other JSON columns (question.options,
-- question.answer_key, attempt_answer.answer). The layout also becomes MEDIUMTEXT: an assessment has at most 500
-- questions, each with at most 20 options of 8 characters, which in Thai (3 bytes a character, or 6 escaped in JSON)
-- is more than TEXT's 65,535 bytes. ASCII is a subset of utf8mb4, so the rows already there keep their bytes; the
-- tables are copied once while this runs.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE attempt
    MODIFY layout MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci NOT NULL;

ALTER TABLE assessment
    MODIFY competency_codes TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci NOT NULL DEFAULT '[]';
