"use client";

export function ThemeToggle() {
  function toggle() {
    const dark = document.documentElement.classList.toggle("dark");
    localStorage.setItem("theme", dark ? "dark" : "light");
  }
  return (
    <button
      type="button"
      onClick={toggle}
      className="rounded-md px-3 py-2 text-left text-sm text-fg-muted hover:bg-surface-muted hover:text-fg"
      aria-label="Toggle light or dark theme"
    >
      <span className="dark:hidden">Dark theme</span>
      <span className="hidden dark:inline">Light theme</span>
    </button>
  );
}
