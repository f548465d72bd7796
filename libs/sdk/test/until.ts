/** Polls `check` until it holds, or fails at the deadline naming `what` (no sleeps in specs). */
export function until(check: () => boolean, what = 'condition', timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`${what} not met within ${timeoutMs} ms`));
      setTimeout(poll, 10);
    };
    poll();
  });
}
