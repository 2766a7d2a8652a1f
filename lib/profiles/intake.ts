// Splits a client intake form (the MAGneT / CACTUS format) into profile fields. The form is a
// demographic block ("Name:", "Age:", ...) followed by numbered sections "2. Presenting Problem"
// through "6. Social Support System"; headings vary slightly between forms.

import { AppError, type FieldIssue } from "@/lib/errors";

export interface IntakeForm {
  name: string;
  age: number | null;
  gender: string | null;
  occupation: string | null;
  education: string | null;
  maritalStatus: string | null;
  familyDetails: string | null;
  presentingProblem: string;
  reasonForCounseling: string;
  pastHistory: string | null;
  functioning: string | null;
  socialSupport: string | null;
  /** The demographic block before "2. Presenting Problem", as written. */
  clientInformation: string;
}

type SectionKey =
  | "presentingProblem"
  | "reasonForCounseling"
  | "pastHistory"
  | "functioning"
  | "socialSupport";

interface SectionRule {
  key: SectionKey;
  title: string;
  /** Label to put before text written on the heading line itself ("5. ... level: My job ..."). */
  inlineLabel?: string;
}

// In form order. A heading only counts when it comes after the previous section's heading, so a
// repeated label inside a section ("Occupational functioning level: ..." under heading 5) stays text.
const SECTION_RULES: SectionRule[] = [
  { key: "presentingProblem", title: String.raw`presenting\s+problems?` },
  { key: "reasonForCounseling", title: String.raw`reasons?\s+for\s+(?:seeking\s+)?counsell?ing` },
  { key: "pastHistory", title: String.raw`past\s+history(?:\s*\([^)]*\))?` },
  {
    key: "functioning",
    title: String.raw`(?:academic\s*/\s*)?occupational\s+functioning(?:\s+level)?`,
    inlineLabel: "Occupational",
  },
  { key: "socialSupport", title: String.raw`social\s+support(?:\s+system)?` },
];

const SECTION_HEADINGS = SECTION_RULES.map(
  (rule) => new RegExp(String.raw`^\s*(?:\d+\s*[.)]\s*)?(?:${rule.title})\s*(?::\s*(.*))?$`, "i"),
);

const DEMOGRAPHIC_KEYS = {
  name: "name",
  age: "age",
  gender: "gender",
  sex: "gender",
  occupation: "occupation",
  education: "education",
  "marital status": "maritalStatus",
  "family details": "familyDetails",
  family: "familyDetails",
} as const;

type DemographicKey = (typeof DEMOGRAPHIC_KEYS)[keyof typeof DEMOGRAPHIC_KEYS];

const DEMOGRAPHIC_LINE =
  /^\s*(?:[-*]\s*)?(name|age|gender|sex|occupation|education|marital status|family details|family)\s*:\s*(.*)$/i;
const CLIENT_INFORMATION_HEADING = /^\s*1\s*[.)]\s*[A-Za-z ]+:?\s*$/;

const REQUIRED: { field: keyof IntakeForm; what: string }[] = [
  { field: "name", what: 'the client\'s name (a "Name:" line)' },
  { field: "presentingProblem", what: 'the "2. Presenting Problem" section' },
  { field: "reasonForCounseling", what: 'the "3. Reason for Seeking Counseling" section' },
];

export function parseIntakeForm(text: string): IntakeForm {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const { demographicLines, sections } = splitSections(lines);
  const demographics = parseDemographics(demographicLines);
  const form: IntakeForm = {
    name: demographics.name ?? "",
    age: parseAge(demographics.age),
    gender: demographics.gender ?? null,
    occupation: demographics.occupation ?? null,
    education: demographics.education ?? null,
    maritalStatus: demographics.maritalStatus ?? null,
    familyDetails: demographics.familyDetails ?? null,
    presentingProblem: sections.presentingProblem ?? "",
    reasonForCounseling: sections.reasonForCounseling ?? "",
    pastHistory: sections.pastHistory ?? null,
    functioning: sections.functioning ?? null,
    socialSupport: sections.socialSupport ?? null,
    clientInformation: demographicLines.join("\n").trim(),
  };
  assertComplete(form);
  return form;
}

function splitSections(lines: string[]) {
  const demographicLines: string[] = [];
  const sectionLines = new Map<SectionKey, string[]>();
  let current = -1;
  for (const line of lines) {
    const heading = matchHeadingAfter(line, current);
    if (heading) {
      current = heading.index;
      const rule = SECTION_RULES[current];
      const inline = heading.inline
        ? [rule.inlineLabel ? `${rule.inlineLabel}: ${heading.inline}` : heading.inline]
        : [];
      sectionLines.set(rule.key, inline);
    } else if (current < 0) {
      demographicLines.push(line);
    } else {
      sectionLines.get(SECTION_RULES[current].key)?.push(line);
    }
  }
  const sections: Partial<Record<SectionKey, string>> = {};
  for (const [key, body] of sectionLines) sections[key] = nonEmpty(body.join("\n"));
  return { demographicLines, sections };
}

function matchHeadingAfter(line: string, current: number): { index: number; inline: string } | null {
  for (let index = current + 1; index < SECTION_HEADINGS.length; index++) {
    const match = SECTION_HEADINGS[index].exec(line);
    if (match) return { index, inline: match[1]?.trim() ?? "" };
  }
  return null;
}

/** "Key: value" lines; a value may also sit on the following lines ("Name:\nLaura Saunders"). */
function parseDemographics(lines: string[]): Partial<Record<DemographicKey, string>> {
  const values = new Map<DemographicKey, string[]>();
  let current: DemographicKey | null = null;
  for (const line of lines) {
    if (CLIENT_INFORMATION_HEADING.test(line)) continue;
    const match = DEMOGRAPHIC_LINE.exec(line);
    if (match) {
      current = DEMOGRAPHIC_KEYS[match[1].toLowerCase() as keyof typeof DEMOGRAPHIC_KEYS];
      if (!values.has(current)) values.set(current, []);
      values.get(current)?.push(match[2]);
    } else if (current) {
      values.get(current)?.push(line.replace(/^\s*[-*]\s+/, ""));
    }
  }
  const result: Partial<Record<DemographicKey, string>> = {};
  for (const [key, parts] of values) {
    const value = nonEmpty(parts.join("\n"));
    if (value) result[key] = value;
  }
  return result;
}

function parseAge(value: string | undefined): number | null {
  const digits = value?.match(/\d{1,3}/);
  return digits ? Number(digits[0]) : null;
}

function nonEmpty(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

function assertComplete(form: IntakeForm): void {
  const issues: FieldIssue[] = REQUIRED.filter(({ field }) => !form[field]).map(({ field, what }) => ({
    field,
    message: `missing ${what}`,
  }));
  if (issues.length === 0) return;
  const missing = issues.map((issue) => `${issue.field} (${issue.message})`).join(", ");
  throw new AppError("validation", `Intake form is incomplete: ${missing}`, issues);
}
