-- ---------------------------------------------------------------------------------------------------------------
-- Moving an organisation rewrites the paths of its whole subtree, and the cycle check reads the new parent's path.
-- Two moves at once (A under B while B goes under A) each passed the check against the other's old path and left a
-- cycle. Moves, and creations under a parent, now first lock this one row, so they happen one at a time; they are
-- rare administrative changes.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE organization_tree_lock (
    id TINYINT NOT NULL,
    CONSTRAINT pk_organization_tree_lock PRIMARY KEY (id),
    CONSTRAINT ck_organization_tree_lock_one CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO organization_tree_lock (id) VALUES (1);
