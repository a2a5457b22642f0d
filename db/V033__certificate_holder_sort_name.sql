-- ---------------------------------------------------------------------------------------------------------------
-- Certificate lists and HR's ZIP manifest sorted by the printed name, title first: people came grouped by title
-- (ดร. before นางสาว), where the people list sorts by first name. The holder's first and last name is kept to sort
-- by; certificates issued before take theirs from the person as the person is named now (an erased person, and a
-- certificate whose name was erased, the erased mark).
--
-- The table holds every certificate's PDF (V016). Its index on a generated column rules out adding a column
-- instantly, so the column is added in one in-place rebuild that names its algorithm (a server that would copy the
-- table refuses instead): reads go on meanwhile, writes wait. docs/OPERATIONS.md gives the time it takes.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE certificate ADD COLUMN holder_sort_name VARCHAR(255) COLLATE utf8mb4_thai_520_w2 NOT NULL DEFAULT '',
    ALGORITHM = INPLACE, LOCK = SHARED;

UPDATE certificate c JOIN person p ON p.id = c.person_id
SET c.holder_sort_name = CASE WHEN p.erased_at IS NOT NULL OR c.holder_name = '(ลบข้อมูลแล้ว)' THEN '(ลบข้อมูลแล้ว)'
                              ELSE CONCAT(p.first_name_th, ' ', p.last_name_th) END;

UPDATE certificate SET holder_sort_name = holder_name WHERE holder_sort_name = '';
