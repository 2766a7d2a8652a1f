import pg from "pg";
import { EVENTS_CHANNEL } from "@/lib/live/event-bus";
import type { PipelineEvent } from "@/lib/pipeline/events";
import { now } from "./stream-client";
import { markersOf } from "./unique-answer";

// A second listener on the app's event bus, to split a token's way into hops: the engine's emit time
// (the event's own timestamp, whole ms) and the moment PostgreSQL delivered the NOTIFY here, which is
// when the app's own LISTEN connection gets it too.

export interface TokenSighting {
  emittedAt: number;
  heardAt: number;
}

export interface BusTap {
  /** By marker. */
  sightings: Map<number, TokenSighting>;
  close(): Promise<void>;
}

export async function tapEventBus(databaseUrl: string, sessionId: string): Promise<BusTap> {
  const client = new pg.Client({ connectionString: databaseUrl });
  const sightings = new Map<number, TokenSighting>();
  client.on("notification", (message) => {
    const heardAt = now();
    if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
    const event = JSON.parse(message.payload) as PipelineEvent;
    if (event.sessionId !== sessionId || event.type !== "call-delta") return;
    for (const marker of markersOf(event.delta))
      sightings.set(marker, { emittedAt: event.timestamp, heardAt });
  });
  await client.connect();
  await client.query(`LISTEN ${EVENTS_CHANNEL}`);
  return { sightings, close: () => client.end() };
}
