import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPublishedSession } from "@/lib/import-export/testing";
import {
  diversityOf,
  expectationAdjustedDistinct,
  LLAMA3_VOCAB_SIZE,
  llama3Tokens,
  NgramPool,
  normalizeSessionText,
} from "./diversity";

describe("the notebook's text preparation", () => {
  it("joins messages with newlines and then drops everything but ASCII letters, digits and spaces", () => {
    expect(normalizeSessionText(["Hi, I'm Ana!", "Café — 3 p.m.?"])).toBe("Hi Im AnaCaf  3 pm");
    // The newline goes too, so the last word of a message runs into the first of the next.
    expect(normalizeSessionText(["today.", "I've"])).toBe("todayIve");
  });

  it("tokenizes as Hugging Face's Llama-3 encode: <|begin_of_text|> first, no end token", async () => {
    // HF: tokenizer.encode("Hello world") == [128000, 9906, 1917]
    expect(await llama3Tokens("Hello world")).toEqual([128000, 9906, 1917]);
  });
});

describe("Distinct-n and EAD, by hand", () => {
  it("pools n-grams over sessions without crossing from one session into the next", () => {
    const pool = new NgramPool();
    pool.add(["a", "b", "a"]);
    pool.add(["b", "a"]);
    // unigrams a b a | b a → 5 in all, 2 unique; bigrams ab ba | ba → 3, 2 unique; trigrams aba → 1, 1.
    // (Across the boundary "a b" would have been a fourth bigram.)
    const scores = pool.scores("words", null);
    expect(scores.totalTokens).toBe(5);
    expect(scores.distinct1).toBeCloseTo(2 / 5, 12);
    expect(scores.distinct2).toBeCloseTo(2 / 3, 12);
    expect(scores.distinct3).toBeCloseTo(1, 12);
    expect(scores.ead).toBeNull();
  });

  it("EAD = unique / (V · (1 − ((V−1)/V)^N))", () => {
    // V = 4, N = 2: expected distinct = 4 · (1 − 9/16) = 1.75; 2 unique → 2 / 1.75.
    expect(expectationAdjustedDistinct(2, 2, 4)).toBeCloseTo(2 / 1.75, 12);
    // Large V: the expectation tends to N, so EAD tends to Distinct-1.
    expect(expectationAdjustedDistinct(50, 100, LLAMA3_VOCAB_SIZE)).toBeCloseTo(0.5, 3);
  });

  it("two identical sessions 'Hello world': the tokens <bos> Hello world twice", async () => {
    const { llama3 } = await diversityOf([["Hello world"], ["Hello world"]]);
    expect(llama3.totalTokens).toBe(6);
    expect(llama3.distinct1).toBe(3 / 6);
    expect(llama3.distinct2).toBe(2 / 4);
    expect(llama3.distinct3).toBe(1 / 2);
    const expected = 3 / (128_000 * (1 - (127_999 / 128_000) ** 6));
    expect(llama3.ead).toBeCloseTo(expected, 12);
    expect(llama3.ead).toBeCloseTo(0.500012, 5);
  });
});

describe("a published session, step by step", () => {
  const session = readPublishedSession(1);
  const messages = session.dialogue.map((m) => m.message);
  const text = normalizeSessionText(messages);

  it("prepares the text of session_1 as the notebook does", () => {
    expect(messages).toHaveLength(42);
    expect(text.startsWith("Hi Laura its nice to meet you How can I assist you todayIve been having")).toBe(
      true,
    );
    expect(text).toMatch(/^[a-zA-Z0-9 ]+$/);
  });

  it("its tokens start with <|begin_of_text|> and decode back to the prepared text", async () => {
    const { default: tokenizer } = await import("llama3-tokenizer-js");
    const tokens = await llama3Tokens(text);
    expect(tokens[0]).toBe(128000);
    expect(tokens.slice(1)).not.toContain(128000);
    expect(tokenizer.decode(tokens.slice(1))).toBe(text);
  });

  it("its scores equal a direct count of its n-grams", async () => {
    const tokens = await llama3Tokens(text);
    const distinct = (n: number) => {
      const grams = tokens.slice(0, tokens.length - n + 1).map((_, i) => tokens.slice(i, i + n).join(","));
      return new Set(grams).size / grams.length;
    };
    const { llama3, words } = await diversityOf([messages]);
    expect(llama3.totalTokens).toBe(tokens.length);
    expect(llama3.distinct1).toBeCloseTo(distinct(1), 12);
    expect(llama3.distinct2).toBeCloseTo(distinct(2), 12);
    expect(llama3.distinct3).toBeCloseTo(distinct(3), 12);
    expect(llama3.ead).toBeCloseTo(
      expectationAdjustedDistinct(new Set(tokens).size, tokens.length, 128_000),
      12,
    );
    expect(words.totalTokens).toBe(text.split(" ").filter(Boolean).length);
  });
});

describe("NgramPool's packed token ids", () => {
  it("count the same n-grams as the tokens written out", () => {
    const session = fc.array(fc.integer({ min: 0, max: 128_255 }), { maxLength: 40 });
    fc.assert(
      fc.property(fc.array(session, { maxLength: 4 }), (sessions) => {
        const ids = new NgramPool();
        const written = new NgramPool();
        for (const tokens of sessions) {
          ids.add(tokens);
          written.add(tokens.map(String));
        }
        expect(ids.scores("llama3", 128_000)).toEqual(written.scores("llama3", 128_000));
      }),
    );
  });
});
