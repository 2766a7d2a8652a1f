/** What a round shows wherever it is read for display or export: the dialogue and the selection. */
export const ROUND_DIALOGUE_SELECT = {
  index: true,
  counselorReply: true,
  clientReply: true,
  endedByClient: true,
  selectedTechniques: true,
  selectionRationale: true,
} as const;
