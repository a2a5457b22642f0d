-- Demo certificate templates. Data Scientist: a certificate of achievement (วุฒิบัตร) signed by two fictional
-- officials of the Department of Health; PR content creator: certificates of participation (เกียรติบัตร) for those
-- who attend at least 80% but do not pass. The demo's DS cohort 1 certificates are issued from these at start-up.
INSERT INTO certificate_template (program_id, kind, title, issuer_name, body_lines, signatories, logo, accent_color,
                                  min_attendance_percent, version, updated_at, updated_by) VALUES
    ('0174e1e3-3d00-7003-8000-000000000001', 'ACHIEVEMENT', 'วุฒิบัตร', 'กรมอนามัย กระทรวงสาธารณสุข',
     '["ได้ผ่านการอบรมและผ่านเกณฑ์การประเมินผล หลักสูตร"]',
     '[{"name":"นพ.ศุภฤกษ์ ณ สงขลา","position":"อธิบดีกรมอนามัย"},{"name":"ดร.ฤทัยรัตน์ ภู่ผึ้ง","position":"ผู้อำนวยการศูนย์เทคโนโลยีสารสนเทศ"}]',
     NULL, '#1F4E79', NULL, 0, '2020-11-20 02:00:00', NULL),
    ('0174e1e3-3d00-7003-8000-000000000002', 'ACHIEVEMENT', 'วุฒิบัตร', NULL,
     '["ได้ผ่านการอบรมเชิงปฏิบัติการและผ่านเกณฑ์การประเมินผล หลักสูตร"]',
     '[{"name":"นางพรรณี เลิศฤทธิ์","position":"ผู้อำนวยการกองประชาสัมพันธ์"}]',
     NULL, '#8B1A1A', NULL, 0, '2020-11-20 02:00:00', NULL),
    ('0174e1e3-3d00-7003-8000-000000000002', 'PARTICIPATION', 'เกียรติบัตร', NULL,
     '["ได้เข้าร่วมการสัมมนาเชิงปฏิบัติการ PR MIND หลักสูตร"]',
     '[{"name":"นางพรรณี เลิศฤทธิ์","position":"ผู้อำนวยการกองประชาสัมพันธ์"}]',
     NULL, '#8B1A1A', 80.00, 0, '2020-11-20 02:00:00', NULL);
