import { describe, expect, it } from "vitest";
import { csvRecords, parseRatingsCsv } from "./ratings-csv";

describe("csvRecords", () => {
  it("reads quotes, doubled quotes, newlines in quotes, CRLF, a BOM and a missing last newline", () => {
    const text = '\uFEFFunit,coder,value\r\n"u,1","Dr ""A""",3\r\n"u\n2",b,\n\nu3,c,"5"';
    expect(csvRecords(text)).toEqual([
      { line: 1, fields: ["unit", "coder", "value"] },
      { line: 2, fields: ["u,1", 'Dr "A"', "3"] },
      { line: 3, fields: ["u\n2", "b", ""] },
      { line: 6, fields: ["u3", "c", "5"] },
    ]);
  });

  it("names the line of an unclosed quote", () => {
    expect(() => csvRecords('unit,coder,value\n1,a,"3\n')).toThrow(/^line 2: a quoted field is never closed/);
    expect(() => csvRecords('unit,coder,value\n1,"a"x,3\n')).toThrow(/^line 2: text after a closing quote/);
  });
});

describe("parseRatingsCsv", () => {
  it("takes the three columns in any order, ignores others, and reads blank or absent values as missing", () => {
    const text = "note,value,coder,unit\nhello,2,a,1\n,,b,1\nx\n";
    expect(() => parseRatingsCsv(text)).toThrow(/^line 4: unit is empty/);
    expect(parseRatingsCsv("Value,Coder,Unit\n2,a,1\n,b,1\n")).toEqual([
      { unit: "1", coder: "a", value: "2" },
      { unit: "1", coder: "b", value: null },
    ]);
    expect(() => parseRatingsCsv("unit,coder\n1,a\n")).toThrow(/lacks value/);
  });

  it("names the line and field of what is wrong", () => {
    expect(() => parseRatingsCsv("")).toThrow(/empty: expected a header unit,coder,value/);
    expect(() => parseRatingsCsv("unit,rater,score\n")).toThrow(/^line 1: the header lacks coder, value/);
    expect(() => parseRatingsCsv("unit,coder,value\n1,,3\n")).toThrow(/^line 2: coder is empty/);
    expect(() => parseRatingsCsv("unit,coder,value\n1,a,3\n\n1,a,4\n")).toThrow(
      /^line 4: coder a already rated unit 1 on line 2/,
    );
    expect(() => parseRatingsCsv("unit,coder,value\n1,a,high\n", "interval")).toThrow(
      /^line 2: value "high" is not a number \(interval level\)/,
    );
    expect(parseRatingsCsv("unit,coder,value\n1,a,high\n", "nominal")).toHaveLength(1);
  });
});
