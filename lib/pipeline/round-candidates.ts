import { SPECIALIST_TECHNIQUES, type SpecialistTechnique } from "@/lib/cbt/techniques";
import type { Candidate } from "./agents";

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

function unwrap<T>(settled: Settled<T>): T {
  if (settled.ok) return settled.value;
  throw settled.error;
}

/**
 * The five specialists' candidates of one round. Each is kept settled, a failed one as its failure:
 * the round decides whether it needed it.
 */
export class RoundCandidates {
  private readonly settled = new Map<SpecialistTechnique, Promise<Settled<Candidate>>>();
  private readonly written = new Set<SpecialistTechnique>();

  constructor(private readonly write: (technique: SpecialistTechnique) => Promise<Candidate>) {}

  /** Starts the five at once (without waiting for them). */
  startAll(): void {
    for (const technique of SPECIALIST_TECHNIQUES) this.settled.set(technique, this.start(technique));
  }

  /** Writes the five one after another (the sequential switch); the first failure fails them all. */
  async writeInTurn(): Promise<void> {
    for (const technique of SPECIALIST_TECHNIQUES) {
      const settled = this.start(technique);
      this.settled.set(technique, settled);
      const done = await settled;
      if (!done.ok) throw done.error;
    }
  }

  /** A stored round's candidates, as written. */
  restore(candidates: readonly Candidate[]): void {
    for (const candidate of candidates) {
      this.settled.set(candidate.technique, Promise.resolve({ ok: true, value: candidate }));
      this.written.add(candidate.technique);
    }
  }

  /** Every candidate, settled (a failed one included). */
  all(): Promise<Settled<Candidate>[]> {
    return Promise.all(this.settled.values());
  }

  /** The round started it (or, stored, has it). */
  has(technique: SpecialistTechnique): boolean {
    return this.settled.has(technique);
  }

  /** Its call has ended, written or failed. */
  isWritten(technique: SpecialistTechnique): boolean {
    return this.written.has(technique);
  }

  /** The candidate once written; rejects with its failure. */
  async of(technique: SpecialistTechnique): Promise<Candidate> {
    const candidate = this.settled.get(technique);
    if (!candidate) throw new Error(`The ${technique} specialist was never started`);
    return unwrap(await candidate);
  }

  /** Writes it again: the new one replaces the one before (null: none was written) only once written. */
  async rewrite(technique: SpecialistTechnique): Promise<{ before: Candidate | null; after: Candidate }> {
    const before = await this.settled.get(technique);
    const settled = await this.start(technique);
    const after = unwrap(settled);
    this.settled.set(technique, Promise.resolve(settled));
    return { before: before?.ok ? before.value : null, after };
  }

  private start(technique: SpecialistTechnique): Promise<Settled<Candidate>> {
    return settle(this.write(technique)).then((settled) => {
      this.written.add(technique);
      return settled;
    });
  }
}
