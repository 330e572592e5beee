-- Every department's audit trail (kit migration, applied to each department schema):
-- reads of sensitive data and every write, append-only.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text,
  roles text[] NOT NULL DEFAULT '{}',
  request_id text,
  operation_name text,
  kind text NOT NULL CHECK (kind IN ('READ', 'WRITE')),
  fields text[] NOT NULL,
  record_ids text[] NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
