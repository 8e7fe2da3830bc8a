// Starting the real server as a child process, for the boot tests (from source under tsx, or the compiled build).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..', '..');

export interface Running { child: ChildProcess; output: () => string; exited: Promise<number | null> }

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** `node <args>` in the project folder with exactly `env`; its output is collected for failure messages. */
export function spawnNode(args: string[], env: Record<string, string>): Running {
  let out = '';
  const child = spawn(process.execPath, args, { cwd: root, env });
  child.stdout!.on('data', (d) => { out += String(d); });
  child.stderr!.on('data', (d) => { out += String(d); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

export async function waitForHealth(port: number, ms = 20_000): Promise<Response> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await fetch(`http://127.0.0.1:${port}/api/health`);
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}
