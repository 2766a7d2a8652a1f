-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "cost" DOUBLE PRECISION,
ADD COLUMN     "groundTruthCbt" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "sessionNumber" INTEGER;
