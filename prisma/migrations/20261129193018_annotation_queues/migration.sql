-- CreateEnum
CREATE TYPE "AnnotationTarget" AS ENUM ('round', 'session');

-- DropForeignKey
ALTER TABLE "Annotation" DROP CONSTRAINT "Annotation_agentCallId_fkey";

-- DropForeignKey
ALTER TABLE "Annotation" DROP CONSTRAINT "Annotation_authorId_fkey";

-- AlterTable
ALTER TABLE "Annotation" DROP COLUMN "agentCallId",
DROP COLUMN "comment",
DROP COLUMN "label",
DROP COLUMN "rating",
ADD COLUMN     "target" "AnnotationTarget" NOT NULL,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ALTER COLUMN "roundIndex" SET NOT NULL,
ALTER COLUMN "roundIndex" SET DEFAULT 0,
ALTER COLUMN "authorId" SET NOT NULL,
ALTER COLUMN "data" SET NOT NULL;

-- CreateTable
CREATE TABLE "PairwisePreference" (
    "id" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "sessionAId" TEXT NOT NULL,
    "sessionBId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PairwisePreference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationQueue" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "origin" JSONB NOT NULL,
    "overlap" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationQueue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationQueueItem" (
    "id" TEXT NOT NULL,
    "queueId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "AnnotationQueueItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationAssignment" (
    "itemId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "AnnotationAssignment_pkey" PRIMARY KEY ("itemId","userId")
);

-- CreateIndex
CREATE INDEX "PairwisePreference_sessionAId_idx" ON "PairwisePreference"("sessionAId");

-- CreateIndex
CREATE INDEX "PairwisePreference_sessionBId_idx" ON "PairwisePreference"("sessionBId");

-- CreateIndex
CREATE UNIQUE INDEX "PairwisePreference_authorId_sessionAId_sessionBId_key" ON "PairwisePreference"("authorId", "sessionAId", "sessionBId");

-- CreateIndex
CREATE INDEX "AnnotationQueue_createdAt_idx" ON "AnnotationQueue"("createdAt");

-- CreateIndex
CREATE INDEX "AnnotationQueueItem_queueId_position_idx" ON "AnnotationQueueItem"("queueId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationQueueItem_queueId_sessionId_key" ON "AnnotationQueueItem"("queueId", "sessionId");

-- CreateIndex
CREATE INDEX "AnnotationAssignment_userId_idx" ON "AnnotationAssignment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Annotation_authorId_sessionId_target_roundIndex_key" ON "Annotation"("authorId", "sessionId", "target", "roundIndex");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairwisePreference" ADD CONSTRAINT "PairwisePreference_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairwisePreference" ADD CONSTRAINT "PairwisePreference_sessionAId_fkey" FOREIGN KEY ("sessionAId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairwisePreference" ADD CONSTRAINT "PairwisePreference_sessionBId_fkey" FOREIGN KEY ("sessionBId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationQueue" ADD CONSTRAINT "AnnotationQueue_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationQueueItem" ADD CONSTRAINT "AnnotationQueueItem_queueId_fkey" FOREIGN KEY ("queueId") REFERENCES "AnnotationQueue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationQueueItem" ADD CONSTRAINT "AnnotationQueueItem_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationAssignment" ADD CONSTRAINT "AnnotationAssignment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AnnotationQueueItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationAssignment" ADD CONSTRAINT "AnnotationAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
