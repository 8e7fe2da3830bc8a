// WEBHOOK_ALLOW_PRIVATE read from the environment by a real server process (test/helpers/processes.ts): with it on,
// that server accepts an endpoint on 127.0.0.1, which the app under test (setting off) refuses. The secret that
// server generated and showed once then signs a delivery the receiver process verifies.
import { expect } from 'chai';
import path from 'node:path';
import { testDir } from '../env.js';
import { createWebhookChannel } from '../../server/modules/webhooks/index.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect } from '../helpers/more-factories.js';
import { operatorEnv, startServer, type Server } from '../helpers/processes.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

describe('webhooks: WEBHOOK_ALLOW_PRIVATE=true in a server process', function () {
  this.timeout(90_000);
  let server: Server | undefined;
  let receiver: WebhookReceiver | undefined;

  before(async () => {
    receiver = await startWebhookReceiver();
    server = await startServer(
      operatorEnv({
        DATABASE_URL: process.env.DATABASE_URL!,
        DATA_DIR: testDir,
        PII_KEY: process.env.PII_KEY!,
        LOG_LEVEL: 'info',
        LOG_FILE: path.join(testDir, `server-webhooks-${process.pid}.log`),
        OUTBOX_WORKER: 'off',
        WEBHOOK_ALLOW_PRIVATE: 'true',
      }),
    );
  });
  after(async () => {
    await server?.stop();
    await receiver?.stop();
  });

  it('accepts a local receiver there, refuses it here, and its generated secret signs what the receiver verifies', async () => {
    const { token } = await signIn('admin');
    const body = { url: receiver!.url, events: ['allocation.handed_over'] };
    const refused = await api().post('/api/webhooks').set(bearer(token)).send(body).expect(400);
    expect(refused.body.error.details[0]).to.include({ path: 'url', type: 'url.notPublic' });

    const res = await fetch(`${server!.base}/api/webhooks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bearer(token) },
      body: JSON.stringify(body),
    });
    const created = (await res.json()) as { id: number; url: string; secret: string };
    expect(res.status, JSON.stringify(created)).to.equal(201);
    expect(created.url).to.equal(receiver!.url);
    const rows = await rawSelect<{ id: number; url: string }>('SELECT id, url FROM webhook_endpoints');
    expect(rows).to.deep.equal([{ id: created.id, url: receiver!.url }]);

    await receiver!.control({ secret: created.secret });
    await createWebhookChannel({ allowPrivate: true }).send({
      id: 1,
      channel: 'webhook',
      topic: 'allocation.handed_over',
      idempotencyKey: 'allocation.handed_over:1',
      createdAt: new Date(),
      recipient: String(created.id),
      payload: { allocationId: 1 },
      attempts: 0,
    });
    const [got] = await receiver!.received();
    expect(got).to.include({ delivery: 'allocation.handed_over:1', verified: true, answered: 200 });
  });
});
