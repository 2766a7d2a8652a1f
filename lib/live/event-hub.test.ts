import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { BusMessage } from "./event-bus";
import { EventHub } from "./event-hub";

const url = () => process.env.DATABASE_URL ?? "";

describe("the event hub's listening connection", () => {
  const hub = new EventHub(url());
  afterAll(() => hub.close());

  it("reports a real loss, has its watchers resynchronise and listens again", async () => {
    await hub.ready();
    const received: BusMessage[] = [];
    const { unwatch } = hub.watch("s1", (message) => received.push(message));
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const admin = new pg.Client({ connectionString: url() });
    await admin.connect();
    try {
      const terminated = await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query like 'LISTEN%' and pid <> pg_backend_pid()",
      );
      expect(terminated.rowCount).toBeGreaterThan(0);
      await expect.poll(() => errors.mock.calls.flat().join(" ")).toMatch(/lost its connection/);
      await expect.poll(() => received.map((m) => m.type)).toContain("resync");
      await expect
        .poll(
          async () =>
            (
              await admin.query(
                "select 1 from pg_stat_activity where datname = current_database() and query like 'LISTEN%'",
              )
            ).rowCount,
          {
            timeout: 5_000,
          },
        )
        .toBeGreaterThan(0);
    } finally {
      errors.mockRestore();
      unwatch();
      await admin.end();
    }
  });
});
