-- CreateEnum
CREATE TYPE "ExperimentStatus" AS ENUM ('running', 'paused', 'cancelled');

-- DropForeignKey
ALTER TABLE "Job" DROP CONSTRAINT "Job_experimentId_fkey";

-- DropForeignKey
ALTER TABLE "Job" DROP CONSTRAINT "Job_sessionId_fkey";

-- AlterTable
ALTER TABLE "Experiment" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "status" "ExperimentStatus" NOT NULL DEFAULT 'running';

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "experimentArm" TEXT,
ADD COLUMN     "experimentRepeat" INTEGER;

-- DropTable
DROP TABLE "Job";

-- DropEnum
DROP TYPE "JobStatus";

-- CreateIndex
CREATE INDEX "Experiment_createdAt_idx" ON "Experiment"("createdAt");
