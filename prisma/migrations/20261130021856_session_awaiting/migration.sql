-- CreateEnum
CREATE TYPE "SessionAwaiting" AS ENUM ('selection', 'counselor', 'client', 'counselor_turn', 'client_turn');

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "awaiting" "SessionAwaiting";
