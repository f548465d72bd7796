export interface RunningNatsServer {
  url: string;
  port: number;
  storeDir: string;
  /** Set when started with `monitorPort`: the HTTP monitoring endpoint. */
  monitorUrl?: string;
  /** SIGKILL, as a crash: the store stays for a new server on the same `storeDir`. */
  kill(): Promise<void>;
  /** SIGTERM; removes the store unless it was given as `storeDir`. */
  stop(): Promise<void>;
}
export function findNatsServer(): string;
export function freePort(): Promise<number>;
export function waitForPort(port: number, deadlineMs: number): Promise<void>;
export function startNatsServer(options?: {
  storePrefix?: string;
  port?: number;
  /** A store to recover (crash tests); kept by stop(). Default: a new temporary directory. */
  storeDir?: string;
  monitorPort?: number;
}): Promise<RunningNatsServer>;
