/** Whether a client's account is blocked [ours]. A blocked client's sessions are marked as spam. */
export enum LineClientBlockedStatus {
  notBlocked = 'notBlocked',
  blocked = 'blocked',
}
