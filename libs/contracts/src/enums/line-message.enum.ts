/** Kinds of session messages [ours]. */
export enum LineMessageType {
  text = 'text',
  file = 'file',
  /** Written by the system (or a script via `sendSystemMessage`), never by a person. */
  system = 'system',
}
