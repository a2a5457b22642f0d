-- ---------------------------------------------------------------------------------------------------------------
-- Names are kept in one spelling (PersonName, ThaiText.visible): sara am as one character rather than nikhahit and
-- sara aa, a tone mark after the upper or lower vowel it sits with, and no zero-width characters. A name pasted from
-- a PDF or a word processor looked the same as the one HR typed, but a search for it found nothing. The names already
-- stored are brought to that spelling here (zero-width characters out first, as ThaiText.visible does: one between a
-- tone mark and its vowel would keep them apart); they print the same. Erased records hold a placeholder and are left
-- alone.
-- ---------------------------------------------------------------------------------------------------------------
UPDATE person SET
    title_th      = NULLIF(TRIM(REGEXP_REPLACE(REPLACE(REGEXP_REPLACE(title_th, '[\\x{200B}-\\x{200D}\\x{2060}\\x{FEFF}]', ''), _utf8mb4 0xE0B98DE0B8B2, _utf8mb4 0xE0B8B3), '([\\x{0E48}-\\x{0E4B}])([\\x{0E31}\\x{0E34}-\\x{0E39}])', '\\2\\1')), ''),
    first_name_th = TRIM(REGEXP_REPLACE(REPLACE(REGEXP_REPLACE(first_name_th, '[\\x{200B}-\\x{200D}\\x{2060}\\x{FEFF}]', ''), _utf8mb4 0xE0B98DE0B8B2, _utf8mb4 0xE0B8B3), '([\\x{0E48}-\\x{0E4B}])([\\x{0E31}\\x{0E34}-\\x{0E39}])', '\\2\\1')),
    last_name_th  = TRIM(REGEXP_REPLACE(REPLACE(REGEXP_REPLACE(last_name_th, '[\\x{200B}-\\x{200D}\\x{2060}\\x{FEFF}]', ''), _utf8mb4 0xE0B98DE0B8B2, _utf8mb4 0xE0B8B3), '([\\x{0E48}-\\x{0E4B}])([\\x{0E31}\\x{0E34}-\\x{0E39}])', '\\2\\1')),
    title_en      = NULLIF(TRIM(REGEXP_REPLACE(title_en, '[\\x{200B}-\\x{200D}\\x{2060}\\x{FEFF}]', '')), ''),
    first_name_en = NULLIF(TRIM(REGEXP_REPLACE(first_name_en, '[\\x{200B}-\\x{200D}\\x{2060}\\x{FEFF}]', '')), ''),
    last_name_en  = NULLIF(TRIM(REGEXP_REPLACE(last_name_en, '[\\x{200B}-\\x{200D}\\x{2060}\\x{FEFF}]', '')), '')
WHERE erased_at IS NULL;
