// A child process for tests that kill or signal a run: runs one stored session to the end, then prints
// its outcome as JSON. Usage: node --conditions=react-server --import tsx lib/testing/run-session-child.ts
// <id> [--web] with DATABASE_URL (and the SIMULATOR_* pacing) in the environment. With --web the run
// starts as the web app starts it (startSessionRun: capped, stopped on SIGTERM/SIGINT) and the child
// prints "started" and waits. Product code never imports it.
import { disconnectDb } from "@/lib/db/client";
import { startSessionRun } from "@/lib/runs/live-run";
import { runStoredSession } from "@/lib/runs/runner";

const sessionId = process.argv[2];
if (!sessionId) throw new Error("usage: run-session-child.ts <sessionId> [--web]");
if (process.argv.includes("--web")) {
  await startSessionRun(sessionId, "to-end");
  console.log("started");
  setInterval(() => {}, 60_000);
} else {
  try {
    const outcome = await runStoredSession({ sessionId, mode: "to-end" });
    console.log(JSON.stringify(outcome));
  } finally {
    await disconnectDb();
  }
}
