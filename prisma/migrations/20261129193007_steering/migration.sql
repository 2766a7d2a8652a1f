-- CreateEnum
CREATE TYPE "RoundSeat" AS ENUM ('agents', 'client', 'counselor');

-- CreateEnum
CREATE TYPE "InterventionKind" AS ENUM ('selection_override', 'counselor_edit', 'counselor_written', 'client_written', 'output_regenerated');

-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "originalSelectedTechniques" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "seat" "RoundSeat" NOT NULL DEFAULT 'agents',
ADD COLUMN     "selectionOverridden" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "staleOutputs" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "steering" JSONB;

-- CreateTable
CREATE TABLE "Intervention" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "roundIndex" INTEGER NOT NULL,
    "kind" "InterventionKind" NOT NULL,
    "originalValue" JSONB,
    "newValue" JSONB NOT NULL,
    "userId" TEXT,
    "userName" TEXT NOT NULL,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Intervention_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Intervention_sessionId_roundIndex_idx" ON "Intervention"("sessionId", "roundIndex");

-- AddForeignKey
ALTER TABLE "Intervention" ADD CONSTRAINT "Intervention_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intervention" ADD CONSTRAINT "Intervention_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
