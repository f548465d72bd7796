export interface RunningNatsServer {
  url: string;
  storeDir: string;
  stop(): Promise<void>;
}
export function findNatsServer(): string;
export function freePort(): Promise<number>;
export function waitForPort(port: number, deadlineMs: number): Promise<void>;
export function startNatsServer(options?: {
  storePrefix?: string;
  port?: number;
}): Promise<RunningNatsServer>;
