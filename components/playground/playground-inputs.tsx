/** The variables the stored prompt was rendered from, each foldable: what every sample is given. */
export function PlaygroundInputs({
  values,
  previousSession,
}: {
  values: Record<string, string> | null;
  previousSession: string | null;
}) {
  if (values === null) {
    return (
      <p
        className="rounded-md border border-warning/50 bg-warning/10 px-3 py-2 text-sm"
        data-testid="inputs-missing"
      >
        This call&apos;s inputs could not be read back through its prompt version, so the template below is
        its stored prompt as sent. Edit it freely; saving it as a version needs the role&apos;s variables.
      </p>
    );
  }
  const inputs = Object.keys(values)
    .sort()
    .map((name) => ({ name, label: `{{${name}}}`, text: values[name] }));
  if (previousSession !== null) {
    inputs.push({
      name: "previous_session",
      label: "previous session (a follow-up's summary, after the template)",
      text: previousSession,
    });
  }
  return (
    <ul className="grid gap-1.5" data-testid="playground-inputs">
      {inputs.map(({ name, label, text }) => (
        <li key={name}>
          <details className="rounded-md border border-border">
            <summary className="cursor-pointer px-2.5 py-1.5 text-sm">
              <code className="text-xs">{label}</code>
              <span className="ml-2 text-xs text-fg-muted">{text.length} characters</span>
            </summary>
            <pre
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable block must be reachable to scroll it by keyboard
              tabIndex={0}
              className="max-h-60 overflow-auto border-t border-border bg-surface-muted p-2.5 font-mono text-xs whitespace-pre-wrap break-words"
            >
              {text}
            </pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
