-- CreateEnum
CREATE TYPE "SchedulingResourceKind" AS ENUM ('ADVISOR', 'ROOM', 'MACHINE', 'COMPUTER', 'KIOSK', 'PRACTITIONER', 'DESK');

-- CreateEnum
CREATE TYPE "AppointmentModality" AS ENUM ('ON_SITE', 'PHONE', 'VIDEO');

-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('HELD', 'CONFIRMED', 'CANCELLED', 'NO_SHOW', 'EXPIRED');

-- CreateEnum
CREATE TYPE "GroupEnrolmentStatus" AS ENUM ('ENROLLED', 'WAITLISTED', 'CANCELLED');

-- CreateTable
CREATE TABLE "SchedulingResource" (
    "id" UUID NOT NULL,
    "kind" "SchedulingResourceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "placeId" UUID NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "icalToken" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SchedulingResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AvailabilityRule" (
    "id" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "validFrom" DATE,
    "validUntil" DATE,

    CONSTRAINT "AvailabilityRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AvailabilityException" (
    "id" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "AvailabilityException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppointmentType" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "bufferBeforeMinutes" INTEGER NOT NULL DEFAULT 0,
    "bufferAfterMinutes" INTEGER NOT NULL DEFAULT 0,
    "minimumNoticeMinutes" INTEGER NOT NULL DEFAULT 0,
    "horizonDays" INTEGER NOT NULL DEFAULT 60,
    "capacity" INTEGER NOT NULL DEFAULT 1,
    "modality" "AppointmentModality" NOT NULL DEFAULT 'ON_SITE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AppointmentType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Booking" (
    "id" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "appointmentTypeId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "blockedFrom" TIMESTAMPTZ(3) NOT NULL,
    "blockedUntil" TIMESTAMPTZ(3) NOT NULL,
    "status" "BookingStatus" NOT NULL,
    "holdExpiresAt" TIMESTAMPTZ(3),
    "residentId" UUID,
    "cancelReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupSession" (
    "id" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "appointmentTypeId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GroupSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupEnrolment" (
    "id" UUID NOT NULL,
    "groupSessionId" UUID NOT NULL,
    "residentId" UUID NOT NULL,
    "status" "GroupEnrolmentStatus" NOT NULL,
    "cancelReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GroupEnrolment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SchedulingResource_icalToken_key" ON "SchedulingResource"("icalToken");

-- CreateIndex
CREATE INDEX "SchedulingResource_placeId_idx" ON "SchedulingResource"("placeId");

-- CreateIndex
CREATE INDEX "AvailabilityRule_resourceId_idx" ON "AvailabilityRule"("resourceId");

-- CreateIndex
CREATE INDEX "AvailabilityException_resourceId_startsAt_idx" ON "AvailabilityException"("resourceId", "startsAt");

-- CreateIndex
CREATE INDEX "Booking_resourceId_blockedFrom_idx" ON "Booking"("resourceId", "blockedFrom");

-- CreateIndex
CREATE INDEX "Booking_residentId_idx" ON "Booking"("residentId");

-- CreateIndex
CREATE INDEX "GroupSession_resourceId_startsAt_idx" ON "GroupSession"("resourceId", "startsAt");

-- CreateIndex
CREATE INDEX "GroupEnrolment_residentId_idx" ON "GroupEnrolment"("residentId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupEnrolment_groupSessionId_residentId_key" ON "GroupEnrolment"("groupSessionId", "residentId");

-- AddForeignKey
ALTER TABLE "SchedulingResource" ADD CONSTRAINT "SchedulingResource_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilityRule" ADD CONSTRAINT "AvailabilityRule_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "SchedulingResource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilityException" ADD CONSTRAINT "AvailabilityException_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "SchedulingResource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "SchedulingResource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_appointmentTypeId_fkey" FOREIGN KEY ("appointmentTypeId") REFERENCES "AppointmentType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupSession" ADD CONSTRAINT "GroupSession_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "SchedulingResource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupSession" ADD CONSTRAINT "GroupSession_appointmentTypeId_fkey" FOREIGN KEY ("appointmentTypeId") REFERENCES "AppointmentType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupEnrolment" ADD CONSTRAINT "GroupEnrolment_groupSessionId_fkey" FOREIGN KEY ("groupSessionId") REFERENCES "GroupSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupEnrolment" ADD CONSTRAINT "GroupEnrolment_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Added by hand (Prisma cannot express these; its diff leaves them alone).
-- No double booking, guaranteed by the database: HELD and CONFIRMED bookings of one resource never
-- overlap, buffers included. Half-open ranges: back-to-back bookings are allowed.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "Booking" ADD CONSTRAINT "booking_no_overlap"
  EXCLUDE USING gist ("resourceId" WITH =, tstzrange("blockedFrom", "blockedUntil", '[)') WITH &&)
  WHERE ("status" IN ('HELD', 'CONFIRMED'));

ALTER TABLE "Booking" ADD CONSTRAINT "booking_ranges_check"
  CHECK ("startsAt" < "endsAt" AND "blockedFrom" <= "startsAt" AND "endsAt" <= "blockedUntil");
ALTER TABLE "Booking" ADD CONSTRAINT "booking_hold_check"
  CHECK ("status" <> 'HELD' OR "holdExpiresAt" IS NOT NULL);
ALTER TABLE "AvailabilityRule" ADD CONSTRAINT "availability_rule_check"
  CHECK ("weekday" BETWEEN 1 AND 7 AND 0 <= "startMinute" AND "startMinute" < "endMinute" AND "endMinute" <= 1440
         AND ("validFrom" IS NULL OR "validUntil" IS NULL OR "validFrom" <= "validUntil"));
ALTER TABLE "AvailabilityException" ADD CONSTRAINT "availability_exception_check"
  CHECK ("startsAt" < "endsAt");
ALTER TABLE "AppointmentType" ADD CONSTRAINT "appointment_type_check"
  CHECK ("durationMinutes" > 0 AND "bufferBeforeMinutes" >= 0 AND "bufferAfterMinutes" >= 0
         AND "minimumNoticeMinutes" >= 0 AND "horizonDays" > 0 AND "capacity" >= 1);
ALTER TABLE "GroupSession" ADD CONSTRAINT "group_session_check"
  CHECK ("startsAt" < "endsAt" AND "capacity" >= 1);
