// The paper's evaluation scales: items, ranges and anchors are facts of the instruments (CTRS, WAI,
// PANAS); the wording of the descriptions is ours. Client-safe: the session page shows these labels.

export const JUDGED_METRICS = ["ctrs", "wai", "panas"] as const;
export type JudgedMetric = (typeof JUDGED_METRICS)[number];
export const EVALUATION_METRICS = [...JUDGED_METRICS, "diversity"] as const;
export type EvaluationMetric = (typeof EVALUATION_METRICS)[number];

/** What EvaluationResult.metric holds for each judged item (PANAS is judged twice). */
export const STORED_METRICS = [
  "ctrs",
  "wai",
  "panas_before",
  "panas_after",
  "diversity",
  "diversity_words",
] as const;
export type StoredMetric = (typeof STORED_METRICS)[number];

export interface ScaleItem {
  key: string;
  label: string;
  /** What the judge rates, in our words. */
  description: string;
}

export interface Scale {
  metric: JudgedMetric;
  name: string;
  min: number;
  max: number;
  /** Score → what it means; CTRS anchors only the even points. */
  anchors: Record<number, string>;
  items: readonly ScaleItem[];
}

export const CTRS: Scale = {
  metric: "ctrs",
  name: "Cognitive Therapy Rating Scale",
  min: 0,
  max: 6,
  anchors: { 0: "poor", 2: "mediocre", 4: "good", 6: "excellent" },
  items: [
    {
      key: "understanding",
      label: "Understanding",
      description:
        "How well the counselor grasps what the client says and feels, including what is implied, and shows it through accurate reflections.",
    },
    {
      key: "interpersonal_effectiveness",
      label: "Interpersonal effectiveness",
      description:
        "Warmth, concern, confidence and genuineness; whether the client is likely to feel safe and respected.",
    },
    {
      key: "collaboration",
      label: "Collaboration",
      description:
        "Whether counselor and client work as a team on problems they agreed on, with a shared rationale.",
    },
    {
      key: "guided_discovery",
      label: "Guided discovery",
      description:
        "Whether the counselor helps the client reach new perspectives through questions and exploration rather than persuasion or lecturing.",
    },
    {
      key: "focus",
      label: "Focus on key cognitions and behaviours",
      description:
        "Whether the counselor identifies and works on the thoughts, assumptions and behaviours most relevant to the problem.",
    },
    {
      key: "strategy",
      label: "Strategy for change",
      description:
        "Whether the counselor follows a coherent, promising CBT strategy for change, with suitable techniques.",
    },
  ],
};

export const CTRS_ANCHOR_DETAIL: Record<number, string> = {
  0: "The counselor fails at this or works against it.",
  2: "The counselor attempts it, with clear and repeated shortcomings.",
  4: "The counselor does it well, with minor lapses.",
  6: "The counselor does it exceptionally well, even in difficult moments.",
};

/** Items 4 and 10 are negatively worded: a high score is a worse alliance. */
export const WAI_NEGATIVE_ITEMS = new Set(["doubts_about_goals", "different_ideas_of_problem"]);

export const WAI: Scale = {
  metric: "wai",
  name: "Working Alliance Inventory",
  min: 1,
  max: 7,
  anchors: {
    1: "never",
    2: "rarely",
    3: "occasionally",
    4: "sometimes",
    5: "often",
    6: "very often",
    7: "always",
  },
  items: [
    {
      key: "agreement_on_steps",
      label: "Agreement on steps",
      description: "Client and counselor agree on the steps to take to improve the client's situation.",
    },
    {
      key: "usefulness_of_activity",
      label: "Usefulness of the current activity",
      description: "What they are doing in the session gives the client new ways of looking at the problem.",
    },
    {
      key: "mutual_liking",
      label: "Mutual liking",
      description: "Client and counselor appear to like each other.",
    },
    {
      key: "doubts_about_goals",
      label: "Doubts about goals (negatively worded)",
      description: "The counselor seems unsure of what the client wants to achieve in the sessions.",
    },
    {
      key: "confidence_in_counselor",
      label: "Confidence in the counselor",
      description: "The client seems confident in the counselor's ability to help.",
    },
    {
      key: "working_on_agreed_goals",
      label: "Working on agreed goals",
      description: "They are working towards goals both agreed on.",
    },
    {
      key: "counselor_appreciates_client",
      label: "Counselor appreciates the client",
      description: "The counselor shows appreciation of the client as a person.",
    },
    {
      key: "agreement_on_what_matters",
      label: "Agreement on what matters",
      description: "They agree on what is important for the client to work on.",
    },
    { key: "mutual_trust", label: "Mutual trust", description: "Client and counselor trust one another." },
    {
      key: "different_ideas_of_problem",
      label: "Different ideas of the real problem (negatively worded)",
      description: "Client and counselor hold different ideas about what the client's real problems are.",
    },
    {
      key: "shared_understanding_of_changes",
      label: "Shared understanding of helpful changes",
      description: "They share an understanding of the kind of changes that would be good for the client.",
    },
    {
      key: "way_of_working_is_right",
      label: "The way of working is right",
      description: "The client believes the way they are working on the problem is correct.",
    },
  ],
};

export const PANAS_POSITIVE = [
  "interested",
  "excited",
  "strong",
  "enthusiastic",
  "proud",
  "alert",
  "inspired",
  "determined",
  "attentive",
  "active",
] as const;
export const PANAS_NEGATIVE = [
  "distressed",
  "upset",
  "guilty",
  "scared",
  "hostile",
  "irritable",
  "ashamed",
  "nervous",
  "jittery",
  "afraid",
] as const;
const PANAS_POSITIVE_SET: ReadonlySet<string> = new Set(PANAS_POSITIVE);

export function panasAffect(feeling: string): "positive" | "negative" {
  return PANAS_POSITIVE_SET.has(feeling) ? "positive" : "negative";
}

export const PANAS: Scale = {
  metric: "panas",
  name: "Positive and Negative Affect Schedule",
  min: 1,
  max: 5,
  anchors: {
    1: "very slightly or not at all",
    2: "a little",
    3: "moderately",
    4: "quite a bit",
    5: "extremely",
  },
  items: [...PANAS_POSITIVE, ...PANAS_NEGATIVE].map((feeling) => ({
    key: feeling,
    label: feeling[0].toUpperCase() + feeling.slice(1),
    description: `How ${feeling} the client feels.`,
  })),
};

export const SCALES: Record<JudgedMetric, Scale> = { ctrs: CTRS, wai: WAI, panas: PANAS };

/** WAI reversed scoring for the negatively worded items: 8 − score. The paper's numbers use raw scores. */
export function reversedWai(item: string, score: number): number {
  return WAI_NEGATIVE_ITEMS.has(item) ? WAI.min + WAI.max - score : score;
}
