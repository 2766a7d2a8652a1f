export function RoundNavigator({ rounds }: { rounds: { index: number; ended: boolean }[] }) {
  if (rounds.length === 0) return null;
  return (
    <nav aria-label="Rounds" className="sticky top-6 hidden h-fit w-28 shrink-0 2xl:block">
      <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-fg-muted">Rounds</p>
      <ol className="grid grid-cols-4 gap-1">
        {rounds.map((r) => (
          <li key={r.index}>
            <a
              href={`#round-${r.index}`}
              className="block rounded px-1 py-0.5 text-center text-xs tabular-nums text-fg-muted hover:bg-surface-muted hover:text-fg"
              title={r.ended ? `Round ${r.index} (client ended the session)` : `Round ${r.index}`}
            >
              {r.index}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
