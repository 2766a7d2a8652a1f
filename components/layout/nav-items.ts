export const NAV_ITEMS = [
  { href: "/sessions", label: "Sessions", hint: "Generated and imported sessions" },
  { href: "/profiles", label: "Profiles", hint: "Simulated clients and their intake forms" },
  { href: "/prompts", label: "Prompts", hint: "Agent prompt versions" },
  { href: "/experiments", label: "Experiments", hint: "Batches, ablations and evaluation" },
  { href: "/annotate", label: "Annotate", hint: "Clinician review of generated turns" },
  { href: "/settings", label: "Settings", hint: "Models, providers and database" },
] as const;
