import { seededRandom as mulberry32 } from "@/lib/stats/random";

export { hashText } from "@/lib/stats/random";

export interface Random {
  next(): number;
  pick<T>(items: readonly T[]): T;
  int(min: number, max: number): number;
}

/** The seeded source with the helpers the simulator uses. */
export function seededRandom(seed: number): Random {
  const next = mulberry32(seed);
  return {
    next,
    pick: (items) => items[Math.floor(next() * items.length)],
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}
