// The speaker's column beside a turn, shared by the transcript and the rounds view so both line up;
// wide enough for "Counselor 20" on one line.
export const SPEAKER_COLUMN = "sm:w-28";
