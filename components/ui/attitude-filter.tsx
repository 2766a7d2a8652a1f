import { Select } from "./field";

export function AttitudeFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <Select
      aria-label="Attitude"
      data-testid="filter-attitude"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">All attitudes</option>
      <option value="positive">Positive</option>
      <option value="neutral">Neutral</option>
      <option value="negative">Negative</option>
    </Select>
  );
}
