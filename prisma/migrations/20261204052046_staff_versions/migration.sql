-- CreateTable
CREATE TABLE "oberig"."staff_versions" (
    "edrpou" CHAR(8) NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "staff_versions_pkey" PRIMARY KEY ("edrpou")
);

-- Versions never repeat, even after the registry is emptied and seeded again.
CREATE SEQUENCE "oberig"."staff_version_seq";

-- Bumps the version of these enterprises (sorted, so that concurrent writers lock in one order).
CREATE FUNCTION "oberig"."bump_staff_versions"(edrpous text[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "oberig"."staff_versions" ("edrpou", "version")
  SELECT e, nextval('"oberig"."staff_version_seq"') FROM (SELECT DISTINCT e FROM unnest(edrpous) AS e WHERE e IS NOT NULL) d ORDER BY e
  ON CONFLICT ("edrpou") DO UPDATE SET "version" = EXCLUDED."version"
$$;

-- Rows that carry the enterprise themselves: employments, reservation marks, the enterprise.
CREATE FUNCTION "oberig"."staff_version_by_edrpou"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "oberig"."bump_staff_versions"(ARRAY(SELECT edrpou::text FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "oberig"."bump_staff_versions"(ARRAY(SELECT edrpou::text FROM new_rows UNION SELECT edrpou::text FROM old_rows));
  ELSE
    PERFORM "oberig"."bump_staff_versions"(ARRAY(SELECT edrpou::text FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

-- Rows about a person: every enterprise that has (or had) them on its staff.
CREATE FUNCTION "oberig"."staff_version_by_rnokpp"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "oberig"."bump_staff_versions"(ARRAY(SELECT e.edrpou::text FROM "oberig"."employments" e WHERE e.rnokpp IN (SELECT rnokpp FROM new_rows)));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "oberig"."bump_staff_versions"(ARRAY(SELECT e.edrpou::text FROM "oberig"."employments" e WHERE e.rnokpp IN (SELECT rnokpp FROM new_rows UNION SELECT rnokpp FROM old_rows)));
  ELSE
    PERFORM "oberig"."bump_staff_versions"(ARRAY(SELECT e.edrpou::text FROM "oberig"."employments" e WHERE e.rnokpp IN (SELECT rnokpp FROM old_rows)));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "employments_staff_version_ins" AFTER INSERT ON "oberig"."employments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_edrpou"();
CREATE TRIGGER "employments_staff_version_upd" AFTER UPDATE ON "oberig"."employments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_edrpou"();
CREATE TRIGGER "employments_staff_version_del" AFTER DELETE ON "oberig"."employments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_edrpou"();

CREATE TRIGGER "enterprises_staff_version_upd" AFTER UPDATE ON "oberig"."enterprises" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_edrpou"();
CREATE TRIGGER "enterprises_staff_version_del" AFTER DELETE ON "oberig"."enterprises" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_edrpou"();

-- A mark counts for its own enterprise and for every employer of its person.
CREATE TRIGGER "marks_staff_version_ins" AFTER INSERT ON "oberig"."reservation_marks" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_edrpou"();
CREATE TRIGGER "marks_staff_version_upd" AFTER UPDATE ON "oberig"."reservation_marks" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_edrpou"();
CREATE TRIGGER "marks_staff_version_del" AFTER DELETE ON "oberig"."reservation_marks" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_edrpou"();
CREATE TRIGGER "marks_staff_version_ins_person" AFTER INSERT ON "oberig"."reservation_marks" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_rnokpp"();
CREATE TRIGGER "marks_staff_version_upd_person" AFTER UPDATE ON "oberig"."reservation_marks" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_rnokpp"();
CREATE TRIGGER "marks_staff_version_del_person" AFTER DELETE ON "oberig"."reservation_marks" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_rnokpp"();

CREATE TRIGGER "persons_staff_version_upd" AFTER UPDATE ON "oberig"."persons" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_rnokpp"();
CREATE TRIGGER "persons_staff_version_del" AFTER DELETE ON "oberig"."persons" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_rnokpp"();

CREATE TRIGGER "registrations_staff_version_ins" AFTER INSERT ON "oberig"."military_registrations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_rnokpp"();
CREATE TRIGGER "registrations_staff_version_upd" AFTER UPDATE ON "oberig"."military_registrations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_rnokpp"();
CREATE TRIGGER "registrations_staff_version_del" AFTER DELETE ON "oberig"."military_registrations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "oberig"."staff_version_by_rnokpp"();

-- Every enterprise already in the registry starts with a version.
INSERT INTO "oberig"."staff_versions" ("edrpou", "version") SELECT edrpou, nextval('"oberig"."staff_version_seq"') FROM "oberig"."enterprises";
