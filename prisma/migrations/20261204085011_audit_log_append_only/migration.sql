-- The audit log is append-only in the database itself: a row, once written, is never deleted,
-- and its content never changes. The one update allowed links a row written before the chain
-- existed (or by the seed): setting its "prevHash" and "hash" while they are still null
-- (lib/audit/write-audit.ts, sealPendingRows). TRUNCATE stays possible for a full reseed of a
-- demo or benchmark database; whoever can disable triggers can still rewrite rows, and the hash
-- chain (npm run audit:verify) then names the first one changed.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_log is append-only: row % cannot be deleted', OLD."id" USING ERRCODE = 'P0001';
  END IF;
  IF OLD."hash" IS NULL AND NEW."hash" IS NOT NULL
     AND (to_jsonb(NEW) - 'prevHash' - 'hash') = (to_jsonb(OLD) - 'prevHash' - 'hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: row % cannot be changed', OLD."id" USING ERRCODE = 'P0001';
END
$$;

CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
