// A real SMTP server in its own process (smtp-server), for the email tests: test/helpers/smtp-receiver.ts starts it.
// It listens on 127.0.0.1 (a port of the system's choice, printed as `{"listening":<port>}`), and writes each message
// it accepts to SMTP_RECEIVER_DIR as <n>.eml (the raw message, renamed into place once whole) next to <n>.json (the
// envelope: MAIL FROM, RCPT TO, the user who logged in). Some recipients are refused, to test what a refusal does:
// local parts starting `reject-` get 550 (for good), `busy-` get 451 (try later). With SMTP_RECEIVER_USER and
// SMTP_RECEIVER_PASS set it requires that login. No TLS: STARTTLS is not offered.
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

const dir = process.env.SMTP_RECEIVER_DIR ?? '';
if (!dir) throw new Error('SMTP_RECEIVER_DIR is required');
const user = process.env.SMTP_RECEIVER_USER ?? '';
const pass = process.env.SMTP_RECEIVER_PASS ?? '';
let received = 0;

const refusal = (code: number, text: string): Error => Object.assign(new Error(text), { responseCode: code });

const server = new SMTPServer({
  name: 'receiver.test',
  disabledCommands: ['STARTTLS'],
  authOptional: !user,
  allowInsecureAuth: true,
  logger: false,
  size: 10 * 1024 * 1024,
  onAuth(auth, _session, callback) {
    if (auth.username === user && auth.password === pass) return callback(null, { user: auth.username });
    callback(refusal(535, 'Authentication failed'));
  },
  onRcptTo(address: SMTPServerAddress, _session, callback) {
    if (address.address.startsWith('reject-')) return callback(refusal(550, 'No such user here'));
    if (address.address.startsWith('busy-')) return callback(refusal(451, 'Mailbox busy, try again later'));
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received += 1;
      const base = path.join(dir, String(received).padStart(4, '0'));
      const envelope = {
        mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        rcptTo: session.envelope.rcptTo.map((r) => r.address),
        user: (session.user as string | undefined) ?? null,
      };
      fs.writeFileSync(`${base}.json`, JSON.stringify(envelope));
      fs.writeFileSync(`${base}.eml.part`, Buffer.concat(chunks));
      fs.renameSync(`${base}.eml.part`, `${base}.eml`);
      callback(null, `Queued as ${received}`);
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ listening: port })}\n`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
