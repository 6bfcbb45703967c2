-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "PlaceKind" AS ENUM ('MEDIATHEQUE', 'TIERS_LIEU', 'MAIRIE', 'HEALTH_CENTRE', 'COWORKING', 'MAKERSPACE', 'FRANCE_SERVICES', 'VISIO_ROOM', 'SCHOOL', 'CRECHE', 'LEISURE_CENTRE');

-- CreateTable
CREATE TABLE "Epci" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "populationTotal" INTEGER NOT NULL,
    "populationMunicipal" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Epci_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commune" (
    "id" UUID NOT NULL,
    "inseeCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "siren" TEXT NOT NULL,
    "postalCodes" TEXT[],
    "population" INTEGER NOT NULL,
    "departmentCode" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "epciId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Commune_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Place" (
    "id" UUID NOT NULL,
    "kind" "PlaceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "communeId" UUID NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agent" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "jobTitle" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Agent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Epci_code_key" ON "Epci"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Commune_inseeCode_key" ON "Commune"("inseeCode");

-- CreateIndex
CREATE UNIQUE INDEX "Commune_siren_key" ON "Commune"("siren");

-- CreateIndex
CREATE INDEX "Commune_epciId_idx" ON "Commune"("epciId");

-- CreateIndex
CREATE INDEX "Commune_name_idx" ON "Commune"("name");

-- CreateIndex
CREATE INDEX "Commune_searchName_idx" ON "Commune"("searchName");

-- CreateIndex
CREATE INDEX "Place_kind_idx" ON "Place"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "Place_communeId_name_key" ON "Place"("communeId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Agent_email_key" ON "Agent"("email");

-- AddForeignKey
ALTER TABLE "Commune" ADD CONSTRAINT "Commune_epciId_fkey" FOREIGN KEY ("epciId") REFERENCES "Epci"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Place" ADD CONSTRAINT "Place_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
