// Webhook endpoints through the HTTP API (spec §12): create, list, change, delete, and what each refuses. The app
// under test has the default WEBHOOK_ALLOW_PRIVATE=false, so every non-public target is refused here; the setting's
// other value is driven in webhooks.delivery.test.ts (service and channel) and webhooks.process.test.ts (a server
// process started with it).
import { expect } from 'chai';
import os from 'node:os';
import { decryptPii } from '../../server/lib/pii.js';
import { WEBHOOK_EVENTS, webhookSecretAad } from '../../server/modules/webhooks/index.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { countRows, rawSelect } from '../helpers/more-factories.js';

const PUBLIC_URL = 'https://93.184.215.14/nimah/hook';

interface EndpointRow {
  id: number;
  url: string;
  secret_encrypted: string;
  secret_hint: string;
  enabled: number | boolean;
  consecutive_failures: number;
  disabled_at: string | Date | null;
  disabled_reason: string | null;
  created_by: number | null;
}

const endpointRows = () => rawSelect<EndpointRow>('SELECT * FROM webhook_endpoints ORDER BY id');
const subscriptions = async (id: number) =>
  (await rawSelect<{ event: string }>('SELECT event FROM webhook_subscriptions WHERE endpoint_id = :id', { id }))
    .map((r) => r.event)
    .sort();

describe('webhooks API: endpoints', () => {
  let admin: { token: string; user: { id: number } };
  beforeEach(async () => {
    admin = await signIn('admin');
  });
  const post = (body: unknown) =>
    api()
      .post('/api/webhooks')
      .set(bearer(admin.token))
      .send(body as object);

  it('creates an endpoint, shows its generated secret once, stores it encrypted, and lists it masked', async () => {
    const res = await post({ url: PUBLIC_URL, events: ['donation.received', 'allocation.handed_over'] }).expect(201);
    expect(res.body).to.include({
      url: PUBLIC_URL,
      enabled: true,
      consecutiveFailures: 0,
      disabledAt: null,
      disabledReason: null,
      disabledAfterFailures: false,
      createdBy: admin.user.id,
    });
    expect(res.body.events).to.deep.equal(['donation.received', 'allocation.handed_over']);
    const secret: string = res.body.secret;
    expect(secret).to.match(/^whsec_[A-Za-z0-9_-]{43}$/);

    const [row] = await endpointRows();
    expect(row.id).to.equal(res.body.id);
    expect(row.secret_encrypted).not.to.contain(secret);
    expect(row.secret_encrypted).not.to.contain(secret.slice(6));
    expect(decryptPii(row.secret_encrypted, webhookSecretAad(row.id))).to.equal(secret);
    expect(row.secret_hint).to.equal(secret.slice(-4));
    expect(row.created_by).to.equal(admin.user.id);
    expect(await subscriptions(row.id)).to.deep.equal(['allocation.handed_over', 'donation.received']);

    const list = await api().get('/api/webhooks').set(bearer(admin.token)).expect(200);
    expect(list.body).to.include({ total: 1, page: 1, pageSize: 50 });
    expect(list.body.items[0].secret).to.equal(`******${secret.slice(-4)}`);
    expect(JSON.stringify(list.body)).not.to.contain(secret);
    expect(list.body.items[0].events).to.deep.equal(['donation.received', 'allocation.handed_over']);
  });

  it('takes a secret of the admin, shows it only in the answer to the POST', async () => {
    const secret = 'a-shared-secret-of-our-partner-2026';
    const res = await post({ url: PUBLIC_URL, events: ['sanitization.failed'], secret }).expect(201);
    expect(res.body.secret).to.equal(secret);
    const [row] = await endpointRows();
    expect(decryptPii(row.secret_encrypted, webhookSecretAad(row.id))).to.equal(secret);
    const list = await api().get('/api/webhooks').set(bearer(admin.token)).expect(200);
    expect(list.body.items[0].secret).to.equal('******2026');
    const patched = await api()
      .patch(`/api/webhooks/${row.id}`)
      .set(bearer(admin.token))
      .send({ events: ['device.status_changed'] })
      .expect(200);
    expect(patched.body.secret).to.equal('******2026');
  });

  it('refuses an event outside the spec list naming events.N, and a missing, empty or repeated list', async () => {
    const unknown = await post({ url: PUBLIC_URL, events: ['donation.received', 'device.deleted'] }).expect(400);
    expect(unknown.body.error.code).to.equal('VALIDATION_FAILED');
    const detail = unknown.body.error.details.find((d: { path: string }) => d.path === 'events.1');
    expect(detail).to.deep.include({ type: 'any.only', context: { valids: [...WEBHOOK_EVENTS] } });
    expect(detail.message).to.contain('must be one of');
    expect(unknown.body.error.details).to.have.length(1);
    const missing = await post({ url: PUBLIC_URL }).expect(400);
    expect(missing.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['events']);
    const empty = await post({ url: PUBLIC_URL, events: [] }).expect(400);
    expect(empty.body.error.details[0]).to.include({ path: 'events', type: 'array.min' });
    const twice = await post({ url: PUBLIC_URL, events: ['donation.closed', 'donation.closed'] }).expect(400);
    expect(twice.body.error.details[0]).to.include({ path: 'events.1', type: 'array.unique' });
    const shortSecret = await post({ url: PUBLIC_URL, events: ['donation.closed'], secret: 'short' }).expect(400);
    expect(shortSecret.body.error.details[0]).to.include({ path: 'secret', type: 'string.min' });
    expect(await countRows('webhook_endpoints')).to.equal(0);
  });

  it('refuses with 400 naming url every loopback, private, link-local, unique-local or otherwise non-public target', async () => {
    const refused = [
      'http://127.0.0.1:8080/hook',
      'http://127.1/hook',
      'http://0x7f.0.0.1/hook',
      'http://2130706433/hook',
      'http://0.0.0.0/hook',
      'http://localhost:3000/hook',
      'http://api.localhost/hook',
      'http://10.1.2.3/hook',
      'http://172.16.0.1/hook',
      'http://192.168.1.10/hook',
      'http://100.64.0.1/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://198.18.0.1/hook',
      'http://224.0.0.1/hook',
      'http://255.255.255.255/hook',
      'http://[::1]/hook',
      'http://[::]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[::ffff:10.0.0.1]/hook',
      'http://[64:ff9b::a9fe:a9fe]/hook',
      'http://[2002:c0a8:0101::1]/hook',
      'http://[fd12:3456:789a::1]/hook',
      'http://[fe80::1]/hook',
      'http://[ff02::1]/hook',
      'http://[2001:db8::1]/hook',
      // A name is judged by what it resolves to: this machine's own name resolves to one of its addresses.
      `http://${os.hostname()}:8080/hook`,
      // PUBLIC_URL (http://nimah.test in the tests) is this server itself.
      'https://nimah.test/api/health',
    ];
    const failures: string[] = [];
    for (const url of refused) {
      const res = await post({ url, events: ['donation.received'] });
      const detail = res.body.error?.details?.[0];
      if (res.status !== 400 || detail?.path !== 'url' || detail?.type !== 'url.notPublic')
        failures.push(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(failures).to.deep.equal([]);
    expect(await countRows('webhook_endpoints')).to.equal(0);
  });

  it('refuses another scheme, credentials in the URL, a malformed URL and an unresolvable host, naming url', async () => {
    const cases: Array<[string, string]> = [
      ['ftp://93.184.215.14/hook', 'url.scheme'],
      ['file:///etc/passwd', 'url.scheme'],
      ['https://user:pass@93.184.215.14/hook', 'url.credentials'],
      ['not a url', 'url.malformed'],
      ['https://no-such-host.invalid/hook', 'url.unresolved'],
    ];
    for (const [url, type] of cases) {
      const res = await post({ url, events: ['donation.received'] }).expect(400);
      expect(res.body.error.details[0], url).to.include({ path: 'url', type });
    }
    expect(await countRows('webhook_endpoints')).to.equal(0);
  });

  it('accepts public IPv4 and IPv6 targets, http or https', async () => {
    for (const url of ['http://8.8.8.8/hook', 'https://[2606:4700:4700::1111]/nimah', PUBLIC_URL]) {
      const res = await post({ url, events: ['donation.closed'] });
      expect(res.status, `${url}: ${JSON.stringify(res.body)}`).to.equal(201);
    }
    expect(await countRows('webhook_endpoints')).to.equal(3);
  });

  it('changes url and events, refuses a private url on PATCH, disables and re-enables', async () => {
    const { body: created } = await post({ url: PUBLIC_URL, events: ['donation.received'] }).expect(201);
    const patch = (body: object) => api().patch(`/api/webhooks/${created.id}`).set(bearer(admin.token)).send(body);

    await new Promise((r) => setTimeout(r, 5));
    const eventsOnly = await patch({ events: ['donation.closed'] }).expect(200);
    expect(Date.parse(eventsOnly.body.updatedAt)).to.be.greaterThan(Date.parse(created.updatedAt));
    const changed = await patch({ url: 'https://8.8.4.4/other', events: ['allocation.cancelled', 'donation.closed'] });
    expect(changed.status).to.equal(200);
    expect(changed.body).to.include({ url: 'https://8.8.4.4/other' });
    expect(changed.body.events).to.deep.equal(['donation.closed', 'allocation.cancelled']);
    expect(await subscriptions(created.id)).to.deep.equal(['allocation.cancelled', 'donation.closed']);

    const refused = await patch({ url: 'http://192.168.0.20/hook' }).expect(400);
    expect(refused.body.error.details[0]).to.include({ path: 'url', type: 'url.notPublic' });
    const badEvent = await patch({ events: ['nope'] }).expect(400);
    expect(badEvent.body.error.details[0]).to.include({ path: 'events.0' });
    await patch({}).expect(400);
    const [stillThere] = await endpointRows();
    expect(stillThere.url).to.equal('https://8.8.4.4/other');

    const disabled = await patch({ enabled: false }).expect(200);
    expect(disabled.body).to.include({
      enabled: false,
      disabledReason: 'Disabled by an administrator',
      disabledAfterFailures: false,
    });
    expect(disabled.body.disabledAt).to.be.a('string');
    const enabled = await patch({ enabled: true }).expect(200);
    expect(enabled.body).to.include({ enabled: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null });
    const [row] = await endpointRows();
    expect(Boolean(row.enabled)).to.equal(true);
    expect(row.disabled_at).to.equal(null);
  });

  it('deletes an endpoint with its subscriptions and delivery log; 404 afterwards', async () => {
    const { body: created } = await post({ url: PUBLIC_URL, events: ['donation.received'] }).expect(201);
    await api().delete(`/api/webhooks/${created.id}`).set(bearer(admin.token)).expect(204);
    expect(await countRows('webhook_endpoints')).to.equal(0);
    expect(await countRows('webhook_subscriptions')).to.equal(0);
    await api().delete(`/api/webhooks/${created.id}`).set(bearer(admin.token)).expect(404);
    await api().get(`/api/webhooks/${created.id}/deliveries`).set(bearer(admin.token)).expect(404);
    await api().patch(`/api/webhooks/${created.id}`).set(bearer(admin.token)).send({ enabled: true }).expect(404);
  });

  it('answers an empty delivery log as a page, and refuses a bad page size', async () => {
    const { body: created } = await post({ url: PUBLIC_URL, events: ['donation.received'] }).expect(201);
    const res = await api().get(`/api/webhooks/${created.id}/deliveries`).set(bearer(admin.token)).expect(200);
    expect(res.body).to.deep.equal({ items: [], total: 0, page: 1, pageSize: 50 });
    const bad = await api()
      .get(`/api/webhooks/${created.id}/deliveries?pageSize=500`)
      .set(bearer(admin.token))
      .expect(400);
    expect(bad.body.error.details[0]).to.include({ path: 'pageSize' });
  });

  it('is for admins only: a manager gets 403 and nothing is stored', async () => {
    const manager = await signIn('manager');
    await api()
      .post('/api/webhooks')
      .set(bearer(manager.token))
      .send({ url: PUBLIC_URL, events: ['donation.received'] })
      .expect(403);
    await api().get('/api/webhooks').set(bearer(manager.token)).expect(403);
    expect(await countRows('webhook_endpoints')).to.equal(0);
  });
});
