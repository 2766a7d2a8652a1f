// A child process for tests that kill a run: runs one stored session to the end, then prints its
// outcome as JSON.  Usage: node --conditions=react-server --import tsx lib/testing/run-session-child.ts <id>
// with DATABASE_URL (and the SIMULATOR_* pacing) in the environment. Product code never imports it.
import { disconnectDb } from "@/lib/db/client";
import { runStoredSession } from "@/lib/sessions/runner";

const sessionId = process.argv[2];
if (!sessionId) throw new Error("usage: run-session-child.ts <sessionId>");
try {
  const outcome = await runStoredSession({ sessionId, mode: "to-end" });
  console.log(JSON.stringify(outcome));
} finally {
  await disconnectDb();
}
