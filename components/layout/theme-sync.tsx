"use client";

import { useEffect } from "react";

/**
 * Applies the stored or system theme after React has rendered the document. The inline theme script
 * covers first paint, but a page that calls notFound() is served as Next's error shell and rendered
 * by React in the browser, which runs no inline script and leaves `<html>` without the class.
 */
export function ThemeSync() {
  useEffect(() => {
    try {
      const stored = localStorage.getItem("theme");
      const dark = stored === "dark" || (!stored && matchMedia("(prefers-color-scheme: dark)").matches);
      document.documentElement.classList.toggle("dark", dark);
    } catch {
      // Storage can be off (private mode); the system theme then stays as the script left it.
    }
  }, []);
  return null;
}
