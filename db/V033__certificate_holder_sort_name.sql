-- ---------------------------------------------------------------------------------------------------------------
-- Certificate lists and HR's ZIP manifest sorted by the printed name, title first: people came grouped by title
-- (ดร. before นางสาว), where the people list sorts by first name. The holder's first and last name, as printed, is
-- kept to sort by; certificates issued before are given theirs from the person (erased people keep the erased mark).
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE certificate ADD COLUMN holder_sort_name VARCHAR(255) COLLATE utf8mb4_thai_520_w2 NULL AFTER holder_name;

UPDATE certificate c JOIN person p ON p.id = c.person_id
SET c.holder_sort_name = CASE WHEN c.holder_name = '(ลบข้อมูลแล้ว)' THEN c.holder_name
                              ELSE CONCAT(p.first_name_th, ' ', p.last_name_th) END;

UPDATE certificate SET holder_sort_name = holder_name WHERE holder_sort_name IS NULL;

ALTER TABLE certificate MODIFY holder_sort_name VARCHAR(255) COLLATE utf8mb4_thai_520_w2 NOT NULL;
