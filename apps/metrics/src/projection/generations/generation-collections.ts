import { MetricsComponents } from '../../metrics.components';
import { EventLoopYielder, yieldToEventLoop } from './event-loop.yielder';

/** Empties every collection of a generation (one bulk delete each, the loop handed back between). */
export async function clearGeneration(generation: MetricsComponents): Promise<void> {
  for (const { store } of generation.collections) {
    await store.deleteMany({});
    await yieldToEventLoop();
  }
}

/**
 * Copies every document of the lines other than `lineId` from one generation to another (the
 * rest of a one-line rebuild). The caller keeps `from` still while this runs (the live
 * projection paused), so the copy is a consistent picture of it. Documents without a line stay
 * with the others, as a one-line rebuild never touched them.
 */
export async function copyOtherLines(
  from: MetricsComponents,
  to: MetricsComponents,
  lineId: string,
): Promise<number> {
  const yielder = new EventLoopYielder();
  let copied = 0;
  for (const [index, source] of from.collections.entries()) {
    const target = to.collections[index];
    if (target === undefined) throw new Error('generations differ in their collections');
    const docs = await source.store.find({ [source.lineField]: { $ne: lineId } });
    for (const doc of docs) {
      await target.store.insertOne(doc);
      copied += 1;
      await yielder.tick();
    }
  }
  return copied;
}
