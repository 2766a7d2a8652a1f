import { Input, Label } from "@/components/ui/field";
import { SWITCH_INFO } from "@/lib/pipeline/switches";
import type { MethodSwitches } from "@/lib/pipeline/types";
import { MAX_ROUNDS_LIMIT } from "@/lib/sessions/schema";

const TOGGLES: { name: keyof MethodSwitches; label: string }[] = [
  {
    name: "fuseSelectedOnly",
    label: "Fuse only the candidates the selector chose (the response generator starts earlier)",
  },
  { name: "shortAnswers", label: "Ask every writing agent for short answers" },
];

/** The New session form's departures from the published method: all off by default. */
export function MethodSwitchesFieldset() {
  return (
    <fieldset className="grid gap-2" data-testid="method-switches">
      <legend className="mb-1 text-xs font-medium text-fg-muted">
        Departures from the paper — leave them off to run the published method
      </legend>
      {TOGGLES.map(({ name, label }) => (
        <label key={name} className="flex items-start gap-2 text-sm">
          <input type="checkbox" name={name} className="mt-1" />
          <span>
            {label}
            <span className="block text-xs text-fg-muted">Paper: {SWITCH_INFO[name].paper}</span>
          </span>
        </label>
      ))}
      <div className="grid max-w-md gap-1">
        <Label htmlFor="minRoundsBeforeEnd">
          Client may not end before round (0: whenever, as in the paper)
        </Label>
        <Input
          id="minRoundsBeforeEnd"
          name="minRoundsBeforeEnd"
          type="number"
          min={0}
          max={MAX_ROUNDS_LIMIT}
          defaultValue={0}
        />
      </div>
    </fieldset>
  );
}

/** The request's switches and minRoundsBeforeEnd from the form's fields. */
export function methodSwitchesOf(form: FormData) {
  return {
    switches: {
      fuseSelectedOnly: form.get("fuseSelectedOnly") === "on",
      shortAnswers: form.get("shortAnswers") === "on",
    },
    minRoundsBeforeEnd: Number(form.get("minRoundsBeforeEnd") ?? 0),
  };
}
