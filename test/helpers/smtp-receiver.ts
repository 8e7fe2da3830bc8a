// A real SMTP server in another process (smtp-receiver-process.ts) and what it received: the email tests send to it
// over the network as production sends to the charity's mail server, then parse the raw messages with mailparser.
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { operatorEnv, spawnNode, tempDataDir, type NodeProcess } from './processes.js';

export interface ReceivedMail {
  /** The message as it came over the wire. */
  raw: Buffer;
  /** The same, parsed by mailparser (cid: links kept as sent). */
  parsed: ParsedMail;
  envelope: { mailFrom: string | null; rcptTo: string[]; user: string | null };
}

export interface SmtpReceiver {
  port: number;
  /** smtp://127.0.0.1:<port>, with the login when the receiver requires one. */
  url: string;
  /** The messages received so far, in order. */
  messages(): Promise<ReceivedMail[]>;
  /** Waits until at least `n` messages have arrived (in all), then returns them all. */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
  process: NodeProcess;
}

export interface ReceiverOptions {
  /** A login the receiver requires (none: any client may send). */
  login?: { user: string; pass: string };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startSmtpReceiver(opts: ReceiverOptions = {}): Promise<SmtpReceiver> {
  const dir = tempDataDir('smtp');
  const env = operatorEnv({
    SMTP_RECEIVER_DIR: dir,
    SMTP_RECEIVER_USER: opts.login?.user ?? '',
    SMTP_RECEIVER_PASS: opts.login?.pass ?? '',
  });
  const proc = spawnNode(['--import', 'tsx', 'test/helpers/smtp-receiver-process.ts'], env);
  const until = Date.now() + 20_000;
  let port = 0;
  while (!port) {
    const m = /\{"listening":(\d+)\}/.exec(proc.stdout());
    if (m) port = Number(m[1]);
    else if (proc.child.exitCode !== null) throw new Error(`the SMTP receiver exited:\n${proc.output()}`);
    else if (Date.now() > until) {
      await proc.stop();
      throw new Error(`the SMTP receiver did not start:\n${proc.output()}`);
    } else await sleep(50);
  }
  const login = opts.login ? `${encodeURIComponent(opts.login.user)}:${encodeURIComponent(opts.login.pass)}@` : '';
  const messages = async (): Promise<ReceivedMail[]> => {
    const names = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .sort();
    return Promise.all(
      names.map(async (name) => {
        const raw = fs.readFileSync(path.join(dir, name));
        const envelope = JSON.parse(fs.readFileSync(path.join(dir, name.replace(/\.eml$/, '.json')), 'utf8'));
        return { raw, parsed: await simpleParser(raw, { keepCidLinks: true }), envelope };
      }),
    );
  };
  return {
    port,
    url: `smtp://${login}127.0.0.1:${port}`,
    messages,
    async waitFor(n, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const count = fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).length;
        if (count >= n) return messages();
        if (Date.now() > end) throw new Error(`${count} messages arrived, expected ${n}`);
        await sleep(25);
      }
    },
    async stop() {
      await proc.stop(2000);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    process: proc,
  };
}
