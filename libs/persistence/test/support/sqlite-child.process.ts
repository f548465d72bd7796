import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const REGISTER = path.join(__dirname, '..', '..', '..', '..', 'tools', 'ts-register.js');
const CHILD = path.join(__dirname, 'sqlite-child.ts');

/** Starts sqlite-child.ts in a new Node.js process; `lines` gets each line it prints. */
export function startChild(args: string[], lines: (line: string) => void): ChildProcess {
  const child = spawn(process.execPath, ['-r', REGISTER, CHILD, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let pending = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    parts.forEach(lines);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => process.stderr.write(chunk));
  return child;
}

/** Resolves with the exit code (or the signal's name) once the process is gone. */
export function exited(child: ChildProcess): Promise<number | string> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
}
