-- CreateEnum
CREATE TYPE "EvaluationStatus" AS ENUM ('succeeded', 'failed');

-- AlterTable
ALTER TABLE "EvaluationResult" DROP COLUMN "total",
ADD COLUMN     "agentCallId" TEXT,
ADD COLUMN     "error" TEXT,
ADD COLUMN     "item" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "profileId" TEXT,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "scope" JSONB,
ADD COLUMN     "score" DOUBLE PRECISION,
ADD COLUMN     "simulated" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "status" "EvaluationStatus" NOT NULL DEFAULT 'succeeded',
ALTER COLUMN "sessionId" DROP NOT NULL,
ALTER COLUMN "scores" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "EvaluationResult_profileId_metric_idx" ON "EvaluationResult"("profileId", "metric");

-- CreateIndex
CREATE INDEX "EvaluationResult_metric_createdAt_idx" ON "EvaluationResult"("metric", "createdAt");

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "ClientProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
