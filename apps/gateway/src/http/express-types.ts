import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The few Express request/response members the gateway uses, over Node's own types (the
 * workspace has no @types/express, and these are all the gateway needs of it).
 */
export interface HttpRequest extends IncomingMessage {
  readonly path: string;
  readonly method: string;
}

export interface HttpResponse extends ServerResponse {
  status(code: number): this;
  json(body: unknown): this;
  set(headers: Record<string, string>): this;
}

export type NextFunction = (error?: unknown) => void;
