-- CreateEnum
CREATE TYPE "Attitude" AS ENUM ('positive', 'neutral', 'negative');

-- CreateEnum
CREATE TYPE "ProfileSource" AS ENUM ('sample', 'imported');

-- CreateEnum
CREATE TYPE "SessionVariant" AS ENUM ('magnet', 'no_planner', 'no_selector', 'no_planner_no_selector', 'cactus_baseline', 'psych8k_baseline');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('draft', 'running', 'paused', 'completed', 'ended_by_client', 'failed', 'stopped');

-- CreateEnum
CREATE TYPE "SessionSource" AS ENUM ('generated', 'imported');

-- CreateEnum
CREATE TYPE "AgentCallStatus" AS ENUM ('running', 'succeeded', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('admin', 'researcher', 'clinician', 'viewer');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "UserRole" NOT NULL DEFAULT 'researcher',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClientProfile" (
    "id" TEXT NOT NULL,
    "externalKey" TEXT,
    "source" "ProfileSource" NOT NULL,
    "name" TEXT NOT NULL,
    "age" INTEGER,
    "gender" TEXT,
    "occupation" TEXT,
    "education" TEXT,
    "maritalStatus" TEXT,
    "familyDetails" TEXT,
    "presentingProblem" TEXT NOT NULL,
    "reasonForCounseling" TEXT NOT NULL,
    "pastHistory" TEXT,
    "functioning" TEXT,
    "socialSupport" TEXT,
    "intakeText" TEXT NOT NULL,
    "clientInformation" TEXT NOT NULL,
    "attitude" "Attitude" NOT NULL,
    "attitudeInstruction" TEXT NOT NULL,
    "openingCounselor" TEXT NOT NULL,
    "openingClient" TEXT NOT NULL,
    "referenceTechniques" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClientProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "externalKey" TEXT,
    "profileId" TEXT NOT NULL,
    "variant" "SessionVariant" NOT NULL,
    "config" JSONB NOT NULL,
    "status" "SessionStatus" NOT NULL DEFAULT 'draft',
    "maxRounds" INTEGER NOT NULL DEFAULT 20,
    "technique" TEXT,
    "techniqueRaw" TEXT,
    "plan" TEXT,
    "openingCounselor" TEXT NOT NULL,
    "openingClient" TEXT NOT NULL,
    "source" "SessionSource" NOT NULL DEFAULT 'generated',
    "parentId" TEXT,
    "forkRound" INTEGER,
    "experimentId" TEXT,
    "error" TEXT,
    "roundCount" INTEGER NOT NULL DEFAULT 0,
    "tokensIn" INTEGER NOT NULL DEFAULT 0,
    "tokensOut" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Round" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "counselorReply" TEXT NOT NULL,
    "clientReply" TEXT,
    "endedByClient" BOOLEAN NOT NULL DEFAULT false,
    "selectedTechniques" TEXT[],
    "selectionRationale" TEXT,
    "counselorEdited" BOOLEAN NOT NULL DEFAULT false,
    "clientEdited" BOOLEAN NOT NULL DEFAULT false,
    "originalCounselorReply" TEXT,
    "originalClientReply" TEXT,
    "editedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentCall" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "roundIndex" INTEGER,
    "role" TEXT NOT NULL,
    "technique" TEXT,
    "provider" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "promptVersionId" TEXT,
    "promptMessages" JSONB NOT NULL,
    "rawOutput" TEXT,
    "cleanedOutput" TEXT,
    "tokensIn" INTEGER,
    "tokensOut" INTEGER,
    "latencyMs" INTEGER,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "status" "AgentCallStatus" NOT NULL DEFAULT 'running',
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "AgentCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromptVersion" (
    "id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "template" TEXT NOT NULL,
    "note" TEXT,
    "author" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromptVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Annotation" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "roundIndex" INTEGER,
    "agentCallId" TEXT,
    "authorId" TEXT,
    "label" TEXT,
    "rating" INTEGER,
    "comment" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Annotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationResult" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "judgeModel" TEXT,
    "run" INTEGER NOT NULL DEFAULT 1,
    "scores" JSONB NOT NULL,
    "total" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Experiment" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "config" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Experiment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'queued',
    "payload" JSONB NOT NULL,
    "progress" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "lockedAt" TIMESTAMP(3),
    "error" TEXT,
    "experimentId" TEXT,
    "sessionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ClientProfile_externalKey_key" ON "ClientProfile"("externalKey");

-- CreateIndex
CREATE INDEX "ClientProfile_attitude_idx" ON "ClientProfile"("attitude");

-- CreateIndex
CREATE INDEX "ClientProfile_source_idx" ON "ClientProfile"("source");

-- CreateIndex
CREATE INDEX "ClientProfile_name_idx" ON "ClientProfile"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Session_externalKey_key" ON "Session"("externalKey");

-- CreateIndex
CREATE INDEX "Session_createdAt_idx" ON "Session"("createdAt");

-- CreateIndex
CREATE INDEX "Session_status_createdAt_idx" ON "Session"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Session_variant_createdAt_idx" ON "Session"("variant", "createdAt");

-- CreateIndex
CREATE INDEX "Session_profileId_idx" ON "Session"("profileId");

-- CreateIndex
CREATE INDEX "Session_experimentId_idx" ON "Session"("experimentId");

-- CreateIndex
CREATE UNIQUE INDEX "Round_sessionId_index_key" ON "Round"("sessionId", "index");

-- CreateIndex
CREATE INDEX "AgentCall_sessionId_roundIndex_idx" ON "AgentCall"("sessionId", "roundIndex");

-- CreateIndex
CREATE INDEX "AgentCall_status_idx" ON "AgentCall"("status");

-- CreateIndex
CREATE INDEX "PromptVersion_role_isActive_idx" ON "PromptVersion"("role", "isActive");

-- CreateIndex
CREATE UNIQUE INDEX "PromptVersion_role_version_key" ON "PromptVersion"("role", "version");

-- CreateIndex
CREATE INDEX "Annotation_sessionId_roundIndex_idx" ON "Annotation"("sessionId", "roundIndex");

-- CreateIndex
CREATE INDEX "EvaluationResult_sessionId_metric_idx" ON "EvaluationResult"("sessionId", "metric");

-- CreateIndex
CREATE INDEX "Job_status_createdAt_idx" ON "Job"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "ClientProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Session"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentCall" ADD CONSTRAINT "AgentCall_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentCall" ADD CONSTRAINT "AgentCall_promptVersionId_fkey" FOREIGN KEY ("promptVersionId") REFERENCES "PromptVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_agentCallId_fkey" FOREIGN KEY ("agentCallId") REFERENCES "AgentCall"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
