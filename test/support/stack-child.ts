/**
 * A local stack script run as a child process in its own process group (test/support/stack-process.ts),
 * its stdout lines awaited one condition at a time, and signalled
 * as a group, as a killed terminal's would be (so DynamoDB Local and cognito-local get it too).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface StackChild {
  child: ChildProcess;
  /** Resolves with the first line matching, or rejects if the process exits first. */
  line(pattern: RegExp): Promise<string>;
  exited: Promise<number | null>;
  lines: string[];
}

export function startStackChild(script: string, args: readonly string[]): StackChild {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  const waiters: Array<() => void> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void exited.then(() => {
    for (const wake of waiters.splice(0)) wake();
  });
  const line = (pattern: RegExp): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = lines.find((l) => pattern.test(l));
        if (found) return resolve(found);
        if (child.exitCode !== null || child.signalCode !== null)
          return reject(new Error(`stack process exited without "${pattern}"; stderr: ${stderr}`));
        waiters.push(check);
      };
      check();
    });
  return { child, line, exited, lines };
}

/** Signals the child's whole process group, if it is still running. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, signal);
}
