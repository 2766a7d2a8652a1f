"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/components/ui/fetch-json";
import {
  PAUSE_POINTS,
  type PausePoint,
  SEATS,
  type Seat,
  type SteeringSettings,
  steeringSettingsSchema,
} from "@/lib/pipeline/steering";

const POINT_LABELS: Record<PausePoint, string> = {
  selection: "After the selector (change the techniques)",
  counselor: "After the fuser (edit the counselor's reply)",
  client: "Before the client (type the client's reply)",
};

const SEAT_LABELS: Record<Seat, string> = {
  agents: "Agents play both",
  client: "I play the client",
  counselor: "I play the counselor (the agents suggest)",
};

/** Step mode and seat for this session; the run reads them when its next round starts. */
export function SteeringSettingsPanel({
  sessionId,
  initial,
}: {
  sessionId: string;
  initial: SteeringSettings;
}) {
  const [settings, setSettings] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const seatId = useId();
  const save = useMutation({
    mutationFn: async (next: SteeringSettings) =>
      steeringSettingsSchema.parse(
        await fetchJson(`/api/sessions/${sessionId}/steering`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(next),
        }),
      ),
    onSuccess: setSaved,
  });
  const dirty = JSON.stringify(settings) !== JSON.stringify(saved);
  const toggle = (point: PausePoint) =>
    setSettings((now) => ({
      ...now,
      pausePoints: PAUSE_POINTS.filter((p) =>
        p === point ? !now.pausePoints.includes(p) : now.pausePoints.includes(p),
      ),
    }));
  return (
    <details
      className="mb-4 rounded-lg border border-border bg-surface-raised px-4 py-3"
      data-testid="steering-settings"
      open={initial.seat !== "agents" || initial.pausePoints.length > 0}
    >
      <summary className="cursor-pointer text-sm font-semibold">
        Steering{" "}
        <span className="font-normal text-fg-muted">
          — {SEAT_LABELS[saved.seat]}
          {saved.pausePoints.length ? `, step mode at ${saved.pausePoints.length} point(s)` : ""}
        </span>
      </summary>
      <div className="mt-3 flex flex-col gap-4 sm:flex-row sm:gap-8">
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-fg-muted">Seat</legend>
          {SEATS.map((seat) => (
            <label key={seat} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={seatId}
                checked={settings.seat === seat}
                onChange={() => setSettings((now) => ({ ...now, seat }))}
              />
              {SEAT_LABELS[seat]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-fg-muted">Step mode: pause every round</legend>
          {PAUSE_POINTS.map((point) => (
            <label key={point} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={settings.pausePoints.includes(point)}
                onChange={() => toggle(point)}
              />
              {POINT_LABELS[point]}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button variant="primary" disabled={!dirty || save.isPending} onClick={() => save.mutate(settings)}>
          Save steering
        </Button>
        <span className="text-xs text-fg-muted" role="status">
          {save.isSuccess && !dirty ? "Saved: applies from the next round." : "Applies from the next round."}
        </span>
      </div>
      {save.error ? (
        <p role="alert" className="mt-2 text-xs text-danger">
          {save.error.message}
        </p>
      ) : null}
    </details>
  );
}
