/** Operator presence [doc: online, offline; ours: away]. */
export enum OperatorStatusType {
  online = 'online',
  /** Can only read: no replies, no changes, no un-spam [doc]. */
  offline = 'offline',
  /** May answer own sessions, but routing gives them no new ones [ours]. */
  away = 'away',
}
