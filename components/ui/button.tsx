import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

type Variant = "primary" | "secondary" | "ghost" | "danger";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-accent text-accent-fg hover:opacity-90",
  secondary: "border border-border bg-surface-raised text-fg hover:bg-surface-muted",
  ghost: "text-fg-muted hover:bg-surface-muted hover:text-fg",
  danger: "bg-danger text-danger-fg hover:opacity-90",
};

export function buttonClass(variant: Variant = "secondary", className?: string): string {
  return cn(
    "inline-flex items-center justify-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium transition",
    "disabled:cursor-not-allowed disabled:opacity-50",
    VARIANTS[variant],
    className,
  );
}

/**
 * A small action that reads as a link (inspect, regenerate, retry, fork with changes…): one look for
 * buttons and links alike, so a reader cannot tell which ones navigate by their style.
 */
export function textActionClass(className?: string): string {
  return cn(
    "rounded text-xs font-medium text-accent hover:underline",
    "disabled:cursor-not-allowed disabled:opacity-50 disabled:no-underline",
    className,
  );
}

export function Button({
  variant = "secondary",
  className,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
