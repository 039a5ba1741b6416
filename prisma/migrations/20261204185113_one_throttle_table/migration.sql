-- AlterTable
ALTER TABLE "throttle_windows" ADD COLUMN     "blockedUntil" TIMESTAMPTZ(3);

-- The password sign-in's counts move into the one throttle table (lib/throttle, throttle
-- "password-login"): failures become hits, a count's window ends an hour after its last failure
-- (LOGIN_THROTTLE.windowMs), the wait is kept. Prisma stored the old columns as UTC without a zone.
INSERT INTO "throttle_windows" ("key", "windowStart", "hits", "expiresAt", "blockedUntil")
SELECT 'password-login:' || "key",
       "lastFailureAt" AT TIME ZONE 'UTC',
       "failures",
       ("lastFailureAt" + INTERVAL '1 hour') AT TIME ZONE 'UTC',
       "blockedUntil" AT TIME ZONE 'UTC'
FROM "login_throttles"
ON CONFLICT ("key") DO NOTHING;

-- DropTable
DROP TABLE "login_throttles";
