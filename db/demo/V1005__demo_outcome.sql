-- Demo: indicator 1.33 of fiscal year 2564 (GLOSSARY.md) with its four plan activities, and the academic work that
-- Data Scientist cohort 1 presented in June 2021 (evidence confirmed by the trainer). Its figures are computed when
-- asked: DS cohort 1 21 of 25 passed = 84% against 80; one work against 1; cohort 2 two staff sent against 2.
--   0174e1e3-3d00-7010-8000-...  academic output
--   0174e1e3-3d00-7011-8000-...  indicator
--   0174e1e3-3d00-7012-8000-...  indicator activity

INSERT INTO academic_output (id, title, kind, cohort_id, program_id, status, started_on, presented_on, published_on, venue,
                             evidence_url, evidence_file_id, evidence_confirmed_by, evidence_confirmed_at, created_by, version, created_at) VALUES
    ('0174e1e3-3d00-7010-8000-000000000001',
     'การวิเคราะห์ข้อมูลการฝากครรภ์คุณภาพเพื่อลดภาวะคลอดก่อนกำหนด ด้วยเทคนิคการเรียนรู้ของเครื่อง',
     'RESEARCH', '0174e1e3-3d00-7004-8000-000000000001', '0174e1e3-3d00-7003-8000-000000000001', 'PRESENTED',
     '2020-12-01', '2021-06-24', NULL, 'การประชุมวิชาการกรมอนามัย ประจำปีงบประมาณ 2564 (ออนไลน์)',
     'https://www.example.org/anamai/conference-2564/ds-anc-ml.pdf', NULL,
     '0174e1e3-3d00-7002-8000-000000000003', '2021-06-28 03:00:00', '0174e1e3-3d00-7002-8000-000000000005', 0, '2020-12-01 03:00:00');

INSERT INTO academic_output_author (output_id, position, person_id, organization_id) VALUES
    ('0174e1e3-3d00-7010-8000-000000000001', 0, '0174e1e3-3d00-7002-8000-000000000005', (SELECT organization_id FROM person WHERE id = '0174e1e3-3d00-7002-8000-000000000005')),
    ('0174e1e3-3d00-7010-8000-000000000001', 1, '0174e1e3-3d00-7002-8001-000000000001', (SELECT organization_id FROM person WHERE id = '0174e1e3-3d00-7002-8001-000000000001'));

INSERT INTO indicator (id, code, name_th, fiscal_year, owner_organization_id, closed_at, closed_by, created_by, version, created_at) VALUES
    ('0174e1e3-3d00-7011-8000-000000000001', '1.33',
     'ร้อยละ 80 ของการผ่านเกณฑ์การประเมินผล กลุ่มเป้าหมายที่เข้ารับการพัฒนาศักยภาพนักวิทยาการข้อมูล (Data Scientist)',
     2564, '0174e1e3-3d00-7001-8000-000000000002', NULL, NULL, '0174e1e3-3d00-7002-8000-000000000002', 0, '2020-10-01 02:00:00');

-- the plan as the Department of Health wrote it; every activity is tagged Partnership (PIRAB)
INSERT INTO indicator_activity (id, indicator_id, position, title, measure, program_id, organization_id, target, unit,
                                starts_on, due_on, period_note, strategy) VALUES
    ('0174e1e3-3d00-7012-8000-000000000001', '0174e1e3-3d00-7011-8000-000000000001', 0,
     'ส่งบุคลากรเข้ารับการอบรมหลักสูตรนักวิทยาการข้อมูล (Data Scientist)', 'TRAINEES_SENT',
     '0174e1e3-3d00-7003-8000-000000000001', '0174e1e3-3d00-7001-8000-000000000002', 1.00, 'PERSON',
     '2020-11-23', '2020-11-26', NULL, 'PARTNERSHIP'),
    ('0174e1e3-3d00-7012-8000-000000000002', '0174e1e3-3d00-7011-8000-000000000001', 1,
     'ผู้เข้ารับการอบรมผ่านเกณฑ์การประเมินผล', 'PASS_RATE',
     '0174e1e3-3d00-7003-8000-000000000001', NULL, 80.00, 'PERCENT',
     '2020-11-23', '2020-11-26', NULL, 'PARTNERSHIP'),
    ('0174e1e3-3d00-7012-8000-000000000003', '0174e1e3-3d00-7011-8000-000000000001', 2,
     'ผลงานวิชาการของผู้เข้ารับการอบรมได้รับการนำเสนอ', 'OUTPUTS_PRESENTED',
     '0174e1e3-3d00-7003-8000-000000000001', NULL, 1.00, 'WORK',
     '2021-06-01', '2021-06-30', NULL, 'PARTNERSHIP'),
    ('0174e1e3-3d00-7012-8000-000000000004', '0174e1e3-3d00-7011-8000-000000000001', 3,
     'ส่งบุคลากรเข้ารับการอบรม รุ่นที่ 2', 'TRAINEES_SENT',
     '0174e1e3-3d00-7003-8000-000000000001', NULL, 2.00, 'PERSON',
     NULL, NULL, 'กองแผนงานกำหนด', 'PARTNERSHIP');

INSERT INTO indicator_activity_cohort (activity_id, cohort_id) VALUES
    ('0174e1e3-3d00-7012-8000-000000000001', '0174e1e3-3d00-7004-8000-000000000001'),
    ('0174e1e3-3d00-7012-8000-000000000002', '0174e1e3-3d00-7004-8000-000000000001'),
    ('0174e1e3-3d00-7012-8000-000000000004', '0174e1e3-3d00-7004-8000-000000000002');
