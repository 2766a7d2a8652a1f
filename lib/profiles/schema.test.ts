import { describe, expect, it } from "vitest";
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, profileInputSchema, profileListQuerySchema } from "./schema";

describe("profileListQuerySchema", () => {
  it("applies defaults and drops blank filters", () => {
    expect(profileListQuerySchema.parse({ search: "  ", attitude: "", technique: "" })).toEqual({
      page: 1,
      pageSize: PAGE_SIZE_DEFAULT,
    });
  });

  it("coerces query-string numbers and trims search", () => {
    const query = profileListQuerySchema.parse({
      search: " Laura ",
      page: "3",
      pageSize: "50",
      source: "sample",
    });
    expect(query).toEqual({ search: "Laura", page: 3, pageSize: 50, source: "sample" });
  });

  it("rejects out-of-range pages and unknown attitudes", () => {
    expect(profileListQuerySchema.safeParse({ page: 0 }).success).toBe(false);
    expect(profileListQuerySchema.safeParse({ pageSize: PAGE_SIZE_MAX + 1 }).success).toBe(false);
    const result = profileListQuerySchema.safeParse({ attitude: "grumpy" });
    expect(result.error?.issues[0].path).toEqual(["attitude"]);
  });
});

describe("profileInputSchema", () => {
  const valid = {
    source: "sample",
    name: "Test Person",
    presentingProblem: "Worries.",
    reasonForCounseling: "Wants help.",
    intakeText: "Name: Test Person",
    clientInformation: "Name: Test Person",
    attitude: "neutral",
    attitudeInstruction: "Be neutral.",
    openingCounselor: "Hello.",
    openingClient: "Hi.",
  };

  it("fills optional fields with null and techniques with an empty list", () => {
    const profile = profileInputSchema.parse(valid);
    expect(profile).toMatchObject({
      age: null,
      occupation: null,
      externalKey: null,
      referenceTechniques: [],
    });
  });

  it("keeps the intake text exactly as written", () => {
    expect(profileInputSchema.parse({ ...valid, intakeText: "\nName: Test Person\n" }).intakeText).toBe(
      "\nName: Test Person\n",
    );
  });

  it("names the field that is wrong", () => {
    const result = profileInputSchema.safeParse({ ...valid, name: " ", age: -2 });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["name", "age"]);
  });
});
