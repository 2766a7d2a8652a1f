// List prices in US dollars per million tokens (input, output) of models an experiment may name.
// The offline simulator costs nothing; a model not listed has no estimate rather than a wrong one.

const PRICES: Record<string, [number, number]> = {
  "offline/*": [0, 0],
  "openai/gpt-4o-mini": [0.15, 0.6],
  "openai/gpt-4o": [2.5, 10],
  "openai/gpt-4.1-mini": [0.4, 1.6],
  "openai/gpt-4.1": [2, 8],
};

export function pricePerMillion(provider: string, modelId: string): [number, number] | null {
  return PRICES[`${provider}/*`] ?? PRICES[`${provider}/${modelId}`] ?? null;
}
