import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseIntakeForm } from "./intake";

interface SeedRecord {
  AI_client: { intake_form: string };
  AI_counselor: { CBT: { client_information: string; reason_counseling: string } };
}

const dataDir = path.resolve(process.cwd(), "../shared/data/magnet");
const records: SeedRecord[] = JSON.parse(readFileSync(path.join(dataDir, "intake-forms.json"), "utf8"));

const SAMPLE = [
  { index: 0, name: "Laura Saunders", age: 45 },
  { index: 21, name: "Violet Waverly", age: 13 },
  { index: 39, name: "Christopher Tate", age: 21 },
  { index: 48, name: "Martha Ann Turner", age: 78 },
  { index: 144, name: "Samuel Adams", age: 22 },
  { index: 414, name: "Blake Sullivan", age: 23 },
];

describe("parseIntakeForm on the MAGneT seed forms", () => {
  it.each(SAMPLE)("reads record $index exactly", ({ index, name, age }) => {
    const record = records[index];
    const form = parseIntakeForm(record.AI_client.intake_form);
    expect(form.name).toBe(name);
    expect(form.age).toBe(age);
    expect(form.reasonForCounseling).toBe(record.AI_counselor.CBT.reason_counseling.trim());
    expect(form.clientInformation).toBe(record.AI_counselor.CBT.client_information.trim());
  });

  it("parses all 450 forms with every section the form has", () => {
    expect(records).toHaveLength(450);
    for (const [index, record] of records.entries()) {
      const form = parseIntakeForm(record.AI_client.intake_form);
      const where = `record ${index}`;
      expect(form.name, where).not.toBe("");
      expect(form.age, where).toBeGreaterThan(0);
      expect(form.presentingProblem, where).not.toMatch(/Reason for Seeking/i);
      expect(form.reasonForCounseling, where).toBe(record.AI_counselor.CBT.reason_counseling.trim());
      expect(form.clientInformation, where).toBe(record.AI_counselor.CBT.client_information.trim());
      expect(form.pastHistory, where).toBeTruthy();
      expect(form.functioning, where).toMatch(/Daily life/i);
      expect(form.socialSupport, where).toBeTruthy();
    }
  });

  it("keeps the heading variants apart", () => {
    // "5. Occupational Functioning Level: ..." with its text on the heading line.
    expect(parseIntakeForm(records[21].AI_client.intake_form).functioning).toMatch(
      /^Occupational: My work at the bar/,
    );
    // "5. Academic/occupational functioning level" followed by "Occupational functioning level: ...".
    expect(parseIntakeForm(records[144].AI_client.intake_form).functioning).toMatch(
      /^Occupational functioning level: I have noticed/,
    );
    // "Social Support System: ..." as a labelled line at the end of section 5.
    const form = parseIntakeForm(records[414].AI_client.intake_form);
    expect(form.functioning).not.toMatch(/Social Support/);
    expect(form.socialSupport).toMatch(/^I have a few friends and family members/);
    // "Occupation:" with nothing after it, and a family line written as a list item.
    const blank = parseIntakeForm(records[39].AI_client.intake_form);
    expect(blank.occupation).toBeNull();
    expect(blank.familyDetails).toBe("Lives with a pet dog");
  });
});

describe("parseIntakeForm on broken forms", () => {
  const form = [
    "Name: Test Person",
    "Age: 30",
    "",
    "2. Presenting Problem",
    "Worries a lot.",
    "",
    "3. Reason for Seeking Counseling",
    "Wants to worry less.",
  ].join("\n");

  it("reads a minimal form with one-line fields", () => {
    const parsed = parseIntakeForm(form);
    expect(parsed).toMatchObject({ name: "Test Person", age: 30, gender: null, pastHistory: null });
  });

  it("names a missing reason for counseling", () => {
    const broken = form.split("\n3.")[0];
    expect(() => parseIntakeForm(broken)).toThrow(/reasonForCounseling.*Reason for Seeking Counseling/);
  });

  it("names every missing required field", () => {
    try {
      parseIntakeForm("Age: 40\nJust some notes without any sections.");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).issues.map((issue) => issue.field)).toEqual([
        "name",
        "presentingProblem",
        "reasonForCounseling",
      ]);
    }
  });
});
