// The system message of the chat-jsonl fine-tuning pairs (lib/export/chat.ts): what a counselor model
// is trained to see, as in the paper's fine-tuning: the client information and the reason for
// counseling; the dialogue before the target follows as chat turns.

export const FINETUNE_SYSTEM_VERSION = 1;

export function finetuneSystemMessage(clientInformation: string, reasonForCounseling: string): string {
  return [
    "You are a counselor practising cognitive behavioural therapy. Continue the session with the client",
    "below: write your next message to them.",
    "",
    "<client_information>",
    clientInformation,
    "</client_information>",
    "",
    "<reason_counseling>",
    reasonForCounseling,
    "</reason_counseling>",
  ].join("\n");
}
