-- Lodestar's team spaces on a PostgreSQL server: everything in schema `lodestar`.
-- Installed by the role that owns the database; every other role reaches rows only
-- through row-level security (its spaces) and the functions below.

CREATE TABLE lodestar.spaces (
    id           bigserial PRIMARY KEY,
    name         text NOT NULL UNIQUE CHECK (length(btrim(name)) > 0),
    created_by   name NOT NULL DEFAULT session_user,
    created_at   timestamptz NOT NULL DEFAULT now(),
    snapshot     text NOT NULL,            -- the workspace's rows when it was shared (JSON)
    snapshot_seq bigint NOT NULL DEFAULT 0 -- changes after this seq apply on top of it
);

CREATE TABLE lodestar.members (
    space_id bigint NOT NULL REFERENCES lodestar.spaces (id) ON DELETE CASCADE,
    role     name NOT NULL,
    is_owner boolean NOT NULL DEFAULT false,
    added_by name NOT NULL DEFAULT session_user,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (space_id, role)
);

-- The space's change log: the server's order (seq) is the order every member applies.
CREATE TABLE lodestar.changes (
    seq       bigserial PRIMARY KEY,
    space_id  bigint NOT NULL REFERENCES lodestar.spaces (id) ON DELETE CASCADE,
    change_id text NOT NULL,              -- "<replica>:<n>": a retried push is not applied twice
    grp       text NOT NULL,              -- the edit (one write transaction) it belongs to
    author    name NOT NULL DEFAULT session_user,
    clock     text NOT NULL,              -- hybrid logical clock of the edit
    tbl       text NOT NULL,
    rid       text NOT NULL,
    op        text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    fields    text,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (space_id, change_id)
);
CREATE INDEX changes_by_space ON lodestar.changes (space_id, seq);

-- Membership checks run as the schema's owner, so the policies below do not recurse.
-- Inside them current_user is that owner: the member is the role that logged in,
-- session_user (Lodestar connects as the member's own role, never through SET ROLE).
CREATE FUNCTION lodestar.is_member(s bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT EXISTS (SELECT 1 FROM lodestar.members m WHERE m.space_id = s AND m.role = session_user) $$;

CREATE FUNCTION lodestar.is_owner(s bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT EXISTS (SELECT 1 FROM lodestar.members m WHERE m.space_id = s AND m.role = session_user AND m.is_owner) $$;

-- A new space and its first member, its owner: the role that shares it.
CREATE FUNCTION lodestar.create_space(space_name text, space_snapshot text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE new_id bigint;
BEGIN
    INSERT INTO lodestar.spaces (name, created_by, snapshot, snapshot_seq)
        VALUES (space_name, session_user, space_snapshot, COALESCE((SELECT max(seq) FROM lodestar.changes), 0))
        RETURNING id INTO new_id;
    INSERT INTO lodestar.members (space_id, role, is_owner, added_by) VALUES (new_id, session_user, true, session_user);
    RETURN new_id;
END $$;

CREATE FUNCTION lodestar.add_member(s bigint, member name) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT lodestar.is_owner(s) THEN
        RAISE EXCEPTION 'only an owner of the space can add members' USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = member) THEN
        RAISE EXCEPTION 'there is no role "%" on this server', member USING ERRCODE = '42704';
    END IF;
    INSERT INTO lodestar.members (space_id, role, added_by) VALUES (s, member, session_user) ON CONFLICT DO NOTHING;
END $$;

CREATE FUNCTION lodestar.remove_member(s bigint, member name) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT lodestar.is_owner(s) THEN
        RAISE EXCEPTION 'only an owner of the space can remove members' USING ERRCODE = '42501';
    END IF;
    IF member = session_user THEN
        RAISE EXCEPTION 'an owner cannot remove themselves' USING ERRCODE = '42501';
    END IF;
    DELETE FROM lodestar.members WHERE space_id = s AND role = member;
END $$;

ALTER TABLE lodestar.spaces ENABLE ROW LEVEL SECURITY;
ALTER TABLE lodestar.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE lodestar.changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY spaces_of_members ON lodestar.spaces FOR SELECT USING (lodestar.is_member(id));
CREATE POLICY members_of_members ON lodestar.members FOR SELECT USING (lodestar.is_member(space_id));
CREATE POLICY changes_read ON lodestar.changes FOR SELECT USING (lodestar.is_member(space_id));
CREATE POLICY changes_write ON lodestar.changes FOR INSERT
    WITH CHECK (lodestar.is_member(space_id) AND author = session_user);

REVOKE ALL ON ALL TABLES IN SCHEMA lodestar FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA lodestar FROM PUBLIC;
GRANT USAGE ON SCHEMA lodestar TO PUBLIC;
GRANT SELECT ON lodestar.spaces, lodestar.members, lodestar.changes TO PUBLIC;
GRANT INSERT ON lodestar.changes TO PUBLIC;
GRANT USAGE ON SEQUENCE lodestar.changes_seq_seq TO PUBLIC;
GRANT EXECUTE ON FUNCTION lodestar.is_member(bigint), lodestar.is_owner(bigint),
    lodestar.create_space(text, text), lodestar.add_member(bigint, name),
    lodestar.remove_member(bigint, name) TO PUBLIC;
