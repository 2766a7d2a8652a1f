-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "followUpOfId" TEXT,
ADD COLUMN     "originalSummary" TEXT;

-- CreateIndex
CREATE INDEX "Session_followUpOfId_idx" ON "Session"("followUpOfId");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_followUpOfId_fkey" FOREIGN KEY ("followUpOfId") REFERENCES "Session"("id") ON DELETE SET NULL ON UPDATE CASCADE;
