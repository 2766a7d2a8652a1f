/** What a round shows wherever it is read for display or export: the dialogue and the selection. */
export const ROUND_DIALOGUE_SELECT = {
  index: true,
  counselorReply: true,
  clientReply: true,
  endedByClient: true,
  selectedTechniques: true,
  selectionRationale: true,
} as const;

/** What a round records about the people who steered it (lib/pipeline/steering.ts). */
export const ROUND_STEERING_SELECT = {
  seat: true,
  selectionOverridden: true,
  originalSelectedTechniques: true,
  counselorEdited: true,
  originalCounselorReply: true,
  clientEdited: true,
  originalClientReply: true,
  staleOutputs: true,
} as const;
