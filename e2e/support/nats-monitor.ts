/**
 * Messages nats-server delivered so far to each connection's subscription to `subject` (its
 * /subsz monitoring endpoint): which process of a queue group got how many requests.
 */
export async function deliveriesPerConnection(
  monitorUrl: string,
  subject: string,
): Promise<Map<number, number>> {
  const response = await fetch(`${monitorUrl}/subsz?subs=1&limit=100000`);
  const { subscriptions_list: subscriptions } = (await response.json()) as {
    subscriptions_list: { subject: string; cid: number; msgs: number }[];
  };
  return new Map(subscriptions.filter((s) => s.subject === subject).map((s) => [s.cid, s.msgs]));
}

/** What each connection got between two readings. */
export function deliveredBetween(
  before: Map<number, number>,
  after: Map<number, number>,
): number[] {
  return [...after].map(([cid, msgs]) => msgs - (before.get(cid) ?? 0));
}
