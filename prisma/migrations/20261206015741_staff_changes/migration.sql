-- AlterTable
ALTER TABLE "oberig"."staff_versions" ADD COLUMN     "wholeVersion" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "oberig"."staff_changes" (
    "edrpou" CHAR(8) NOT NULL,
    "version" BIGINT NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_changes_pkey" PRIMARY KEY ("edrpou","version","rnokpp")
);

-- CreateTable
CREATE TABLE "oberig"."staff_changes_pruned" (
    "edrpou" CHAR(8) NOT NULL,
    "through" BIGINT NOT NULL,

    CONSTRAINT "staff_changes_pruned_pkey" PRIMARY KEY ("edrpou")
);

-- CreateIndex
CREATE INDEX "staff_changes_at_idx" ON "oberig"."staff_changes"("at");

-- Every list cached before this migration is read again whole.
UPDATE "oberig"."staff_versions" SET "wholeVersion" = "version";

-- Bumps the version of the enterprises of these (enterprise, person) pairs and notes the persons
-- of each version in staff_changes, so that a list cached under an earlier version re-reads and
-- re-judges only them. A NULL person, or more than 200 persons of one enterprise in one
-- statement, is a change of the whole staff: the version becomes the enterprise's wholeVersion
-- and no person is noted. The enterprises are locked in order (concurrent writers cannot
-- deadlock on them), and each one's version only grows in the order its writers commit: a
-- writer waits for the row, then takes at least the committed version + 1.
CREATE FUNCTION "oberig"."note_staff_changes"(edrpous text[], rnokpps text[]) RETURNS void LANGUAGE sql AS $$
  WITH pairs AS (
    SELECT DISTINCT p.e, p.r FROM unnest(edrpous, rnokpps) AS p(e, r) WHERE p.e IS NOT NULL
  ), per AS (
    SELECT e, bool_or(r IS NULL) OR count(*) > 200 AS whole FROM pairs GROUP BY e
  ), numbered AS (
    SELECT e, whole, nextval('"oberig"."staff_version_seq"') AS v FROM per
  ), bumped AS (
    INSERT INTO "oberig"."staff_versions" AS s ("edrpou", "version", "wholeVersion")
    SELECT e, v, CASE WHEN whole THEN v ELSE 0 END FROM numbered ORDER BY e
    ON CONFLICT ("edrpou") DO UPDATE SET
      "version" = greatest(s."version" + 1, EXCLUDED."version"),
      "wholeVersion" = CASE WHEN EXCLUDED."wholeVersion" <> 0 THEN greatest(s."version" + 1, EXCLUDED."version") ELSE s."wholeVersion" END
    RETURNING s."edrpou", s."version", s."wholeVersion"
  )
  INSERT INTO "oberig"."staff_changes" ("edrpou", "version", "rnokpp")
  SELECT b."edrpou", b."version", p.r FROM bumped b JOIN pairs p ON p.e = b."edrpou"
   WHERE b."wholeVersion" <> b."version" AND p.r IS NOT NULL
  ON CONFLICT DO NOTHING
$$;

-- The old entry point: a change of the whole staff of these enterprises.
CREATE OR REPLACE FUNCTION "oberig"."bump_staff_versions"(edrpous text[]) RETURNS void LANGUAGE sql AS $$
  SELECT "oberig"."note_staff_changes"(edrpous, array_fill(NULL::text, ARRAY[coalesce(cardinality(edrpous), 0)]))
$$;

-- Employments and reservation marks: their own (enterprise, person).
CREATE OR REPLACE FUNCTION "oberig"."staff_version_by_edrpou"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  es text[];
  rs text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(edrpou::text), array_agg(rnokpp::text) INTO es, rs FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(edrpou), array_agg(rnokpp) INTO es, rs
      FROM (SELECT edrpou::text, rnokpp::text FROM new_rows UNION SELECT edrpou::text, rnokpp::text FROM old_rows) u;
  ELSE
    SELECT array_agg(edrpou::text), array_agg(rnokpp::text) INTO es, rs FROM old_rows;
  END IF;
  PERFORM "oberig"."note_staff_changes"(es, rs);
  RETURN NULL;
END $$;

-- Rows about a person: every enterprise that has (or had) them on its staff, with the person.
CREATE OR REPLACE FUNCTION "oberig"."staff_version_by_rnokpp"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  es text[];
  rs text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(e.edrpou::text), array_agg(e.rnokpp::text) INTO es, rs
      FROM "oberig"."employments" e WHERE e.rnokpp IN (SELECT rnokpp FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(e.edrpou::text), array_agg(e.rnokpp::text) INTO es, rs
      FROM "oberig"."employments" e WHERE e.rnokpp IN (SELECT rnokpp FROM new_rows UNION SELECT rnokpp FROM old_rows);
  ELSE
    SELECT array_agg(e.edrpou::text), array_agg(e.rnokpp::text) INTO es, rs
      FROM "oberig"."employments" e WHERE e.rnokpp IN (SELECT rnokpp FROM old_rows);
  END IF;
  PERFORM "oberig"."note_staff_changes"(es, rs);
  RETURN NULL;
END $$;

-- The enterprise's own record: a change of its whole staff.
CREATE FUNCTION "oberig"."staff_version_of_enterprise"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM "oberig"."bump_staff_versions"(ARRAY(SELECT edrpou::text FROM new_rows UNION SELECT edrpou::text FROM old_rows));
  ELSE
    PERFORM "oberig"."bump_staff_versions"(ARRAY(SELECT edrpou::text FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER "enterprises_staff_version_upd" ON "oberig"."enterprises";
DROP TRIGGER "enterprises_staff_version_del" ON "oberig"."enterprises";
CREATE TRIGGER "enterprises_staff_version_upd" AFTER UPDATE ON "oberig"."enterprises" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_of_enterprise"();
CREATE TRIGGER "enterprises_staff_version_del" AFTER DELETE ON "oberig"."enterprises" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_of_enterprise"();

-- Deletes the notes older than the interval; per enterprise, the newest version deleted is kept
-- in staff_changes_pruned, so a list cached under it or earlier is read again whole. The notes
-- of one version share one "at" (the writing transaction's start) and go together.
CREATE FUNCTION "oberig"."prune_staff_changes"(older_than interval) RETURNS bigint LANGUAGE sql AS $$
  WITH gone AS (
    DELETE FROM "oberig"."staff_changes" WHERE "at" < now() - older_than RETURNING "edrpou", "version"
  ), horizon AS (
    SELECT "edrpou", max("version") AS through FROM gone GROUP BY "edrpou"
  ), noted AS (
    INSERT INTO "oberig"."staff_changes_pruned" AS p ("edrpou", "through")
    SELECT "edrpou", through FROM horizon ORDER BY "edrpou"
    ON CONFLICT ("edrpou") DO UPDATE SET "through" = greatest(p."through", EXCLUDED."through")
    RETURNING 1
  )
  SELECT count(*) FROM gone
$$;
