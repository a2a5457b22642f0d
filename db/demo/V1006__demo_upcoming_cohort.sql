-- ---------------------------------------------------------------------------
-- Demo data (run command only): a third Data Scientist cohort, still to come, open for enrolment.
-- Its dates are counted from the day the demo is installed (two months ahead, Monday to Friday or so), so that the
-- README's self-enrolment works whenever the demo is tried: a cohort that has ended takes no more enrolments from
-- trainees or HR (cohort 2 of 14-18 มิ.ย. 64 has, by now).
-- ---------------------------------------------------------------------------
INSERT INTO cohort (id, program_id, number, name_th, organizer_id, starts_on, ends_on, capacity, enrollment_open,
                    min_score_percent, min_attendance_percent, required_assessment_ids, version, created_at) VALUES
    ('0174e1e3-3d00-7004-8000-000000000004', '0174e1e3-3d00-7003-8000-000000000001', 3, 'นักวิทยาการข้อมูล รุ่นที่ 3',
     '0174e1e3-3d00-7001-8000-000000000002', DATE_ADD(CURRENT_DATE, INTERVAL 60 DAY), DATE_ADD(CURRENT_DATE, INTERVAL 64 DAY),
     30, TRUE, 60.00, 80.00, '[]', 0, UTC_TIMESTAMP(6));

INSERT INTO cohort_trainer (cohort_id, person_id) VALUES
    ('0174e1e3-3d00-7004-8000-000000000004', '0174e1e3-3d00-7002-8000-000000000003');

-- the same online course as cohorts 1 and 2
INSERT INTO cohort_course (cohort_id, course_id, attached_at) VALUES
    ('0174e1e3-3d00-7004-8000-000000000004', '0174e1e3-3d00-7006-8000-000000000001', UTC_TIMESTAMP(6));
