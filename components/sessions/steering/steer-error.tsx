export function SteerError({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="mt-2 text-xs text-danger" data-testid="steer-error">
      {error.message}
    </p>
  );
}
