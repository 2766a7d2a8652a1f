// Ratings from other tools: any CSV with the columns unit, coder and value (RFC 4180 quoting; other
// columns ignored; a blank or absent value is missing). Errors name the line and the column.
import { AppError } from "@/lib/errors";
import type { MeasurementLevel, Rating } from "./krippendorff";

const COLUMNS = ["unit", "coder", "value"] as const;

interface CsvRecord {
  line: number;
  fields: string[];
}

/** Splits CSV text into records, each with the line it starts on; quoted fields may hold newlines. */
export function csvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== "") records.push({ line: start, fields });
    fields = [];
    field = "";
  };
  while (i < text.length) {
    const char = text[i];
    if (char === '"' && field === "") {
      const opened = line;
      i++;
      for (;;) {
        if (i >= text.length) throw lineError(opened, "a quoted field is never closed");
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          field += '"';
          i += 2;
          continue;
        }
        if (text[i] === "\n") line++;
        field += text[i++];
      }
      i++;
      if (i < text.length && !",\r\n".includes(text[i])) throw lineError(line, "text after a closing quote");
      continue;
    }
    if (char === ",") {
      fields.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else {
      field += char;
    }
    i++;
  }
  if (field !== "" || fields.length) endRecord();
  return records;
}

/**
 * The ratings of a `unit,coder,value` CSV. With a numeric level every value must be a number, so
 * the error names its line rather than surfacing later without one.
 */
export function parseRatingsCsv(text: string, level: MeasurementLevel = "nominal"): Rating[] {
  const [header, ...rows] = csvRecords(text);
  if (!header) throw new AppError("validation", "the file is empty: expected a header unit,coder,value");
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const at = Object.fromEntries(COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<
    (typeof COLUMNS)[number],
    number
  >;
  const absent = COLUMNS.filter((column) => at[column] < 0);
  if (absent.length) {
    throw lineError(
      header.line,
      `the header lacks ${absent.join(", ")} (expected unit,coder,value)`,
      absent[0],
    );
  }
  const seen = new Map<string, number>();
  return rows.map(({ line, fields }) => {
    const unit = (fields[at.unit] ?? "").trim();
    const coder = (fields[at.coder] ?? "").trim();
    const value = (fields[at.value] ?? "").trim();
    if (!unit) throw lineError(line, "unit is empty", "unit");
    if (!coder) throw lineError(line, "coder is empty", "coder");
    const key = JSON.stringify([unit, coder]);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw lineError(line, `coder ${coder} already rated unit ${unit} on line ${earlier}`, "coder");
    }
    seen.set(key, line);
    if (value !== "" && level !== "nominal" && !Number.isFinite(Number(value))) {
      throw lineError(line, `value "${value}" is not a number (${level} level)`, "value");
    }
    return { unit, coder, value: value === "" ? null : value };
  });
}

function lineError(line: number, message: string, field = "file"): AppError {
  return new AppError("validation", `line ${line}: ${message}`, [
    { field, message: `line ${line}: ${message}` },
  ]);
}
