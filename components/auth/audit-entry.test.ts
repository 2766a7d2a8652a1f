import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/auth/schema";
import { auditActionLabel, auditDetailLines, auditTargetHref, auditTargetLabel } from "./audit-entry";

describe("an audit entry in words", () => {
  it("names every action in a sentence, not by its key", () => {
    for (const action of AUDIT_ACTIONS) expect(auditActionLabel(action), action).not.toMatch(/[._]/);
    expect(auditActionLabel("user.role_changed")).toBe("Changed a user's role");
  });

  it("shows an action or target it does not know as it is", () => {
    expect(auditActionLabel("report.exported")).toBe("report.exported");
    expect(auditTargetLabel("annotation_queue")).toBe("Annotation queue");
    expect(auditTargetLabel("report")).toBe("report");
  });

  it("opens sessions, experiments and annotation queues on their pages, and nothing else", () => {
    expect(auditTargetHref("session", "s1")).toBe("/sessions/s1");
    expect(auditTargetHref("experiment", "e1")).toBe("/experiments/e1");
    expect(auditTargetHref("annotation_queue", "q1")).toBe("/annotate/q1/queue");
    expect(auditTargetHref("user", "u1")).toBeNull();
    expect(auditTargetHref("prompt", "p1")).toBeNull();
    expect(auditTargetHref("constructor", "x")).toBeNull();
  });

  it("turns details into field: value lines", () => {
    expect(auditDetailLines("user.role_changed", { to: "viewer", from: "annotator" })).toEqual([
      { field: "From", value: "annotator" },
      { field: "To", value: "viewer" },
    ]);
    expect(auditDetailLines("annotation_queue.created", { sessions: 4, annotators: 2, overlap: 2 })).toEqual([
      { field: "Sessions", value: "4" },
      { field: "Annotators", value: "2" },
      { field: "Annotators per session", value: "2" },
    ]);
  });

  it("names prompt roles and steering steps as the rest of the studio does", () => {
    expect(auditDetailLines("prompt.activated", { role: "specialist:reflection", version: 3 })).toEqual([
      { field: "Role", value: "Reflection specialist" },
      { field: "Version", value: "3" },
    ]);
    expect(
      auditDetailLines("session.steered", {
        type: "regenerate",
        roundIndex: 2,
        output: "candidate:questioning",
      }),
    ).toEqual([
      { field: "Step", value: "regenerated an output" },
      { field: "Round", value: "2" },
      { field: "Output", value: "Questioning specialist's reply" },
    ]);
    // A user's role is a role of the studio, not a prompt's.
    expect(auditDetailLines("user.created", { role: "annotator" })).toEqual([
      { field: "Role", value: "annotator" },
    ]);
  });

  it("has no lines for an entry without details", () => {
    expect(auditDetailLines("session.stopped", null)).toEqual([]);
    expect(auditDetailLines("session.stopped", ["odd"])).toEqual([]);
  });
});
