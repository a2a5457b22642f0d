-- ---------------------------------------------------------------------------------------------------------------
-- Names keep sara am as one character (V030), and since this migration also when it arrives split around a tone mark:
-- nikhahit, the tone mark, sara aa, as text copied out of a PDF lays out น้ำ (ThaiText.canonical). Names stored before
-- in that layout are brought to the spelling new names are kept in, so that a search typed as น้ำ finds them; they
-- print the same. Erased records hold a placeholder and are left alone.
-- ---------------------------------------------------------------------------------------------------------------
UPDATE person SET
    title_th      = REGEXP_REPLACE(title_th, '\\x{0E4D}([\\x{0E48}-\\x{0E4B}])\\x{0E32}', CONCAT('\\1', _utf8mb4 0xE0B8B3)),
    first_name_th = REGEXP_REPLACE(first_name_th, '\\x{0E4D}([\\x{0E48}-\\x{0E4B}])\\x{0E32}', CONCAT('\\1', _utf8mb4 0xE0B8B3)),
    last_name_th  = REGEXP_REPLACE(last_name_th, '\\x{0E4D}([\\x{0E48}-\\x{0E4B}])\\x{0E32}', CONCAT('\\1', _utf8mb4 0xE0B8B3))
WHERE erased_at IS NULL;
