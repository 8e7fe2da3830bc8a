// Walks every route of the application with every role (and no login): the table below is the contract.
// A route added without a row here, or whose declared access differs, fails this test.
import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../server/app.js';
import { allRoutes } from '../../server/routes.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import type { Role } from '../../server/modules/auth/index.js';
import { saudiId } from '../beneficiaries/helpers.js';
import { handedOver } from '../documents/documents.helpers.js';

type Who = Role | 'anonymous';
const A: Who[] = ['admin'];
const M: Who[] = ['admin', 'manager'];
const S: Who[] = ['admin', 'manager', 'technician'];
const R: Who[] = ['admin', 'manager', 'technician', 'viewer'];
const PUBLIC: Who[] = [...R, 'partner', 'anonymous'];
/** Figures by region (counts of the families served): the charity's managers and the board, not the workshop. */
const REPORTS: Who[] = ['admin', 'manager', 'viewer'];
/** Spec §13: a partner association's user reads its own referrals and custody, and hands devices on. */
const MP: Who[] = [...M, 'partner'];
const RP: Who[] = [...R, 'partner'];

export const ACCESS_TABLE: Record<string, Who[]> = {
  'GET /api/health': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  // The one-time setup (issue 22): public, and 409 once a user exists (as here).
  'GET /api/setup': PUBLIC,
  'POST /api/setup': PUBLIC,
  'POST /api/auth/logout': RP,
  'GET /api/auth/me': RP,
  'PATCH /api/auth/me': RP,
  'GET /api/users': A,
  'POST /api/users': A,
  'GET /api/users/:id': A,
  'PATCH /api/users/:id': A,
  'DELETE /api/users/:id/lockout': A,
  'GET /api/sites': R,
  'POST /api/sites': A,
  'PATCH /api/sites/:id': A,
  'GET /api/regions': R,
  'GET /api/donors': R,
  'POST /api/donors': S,
  'GET /api/donors/:id': R,
  'PATCH /api/donors/:id': M,
  'POST /api/donors/:id/page-token/rotate': M,
  'POST /api/donors/:id/statements': M,
  'GET /api/donors/:id/statement.pdf': R,
  'GET /api/donations': R,
  'POST /api/donations': S,
  'GET /api/donations/:id': R,
  'PATCH /api/donations/:id': M,
  'POST /api/donations/:id/devices': S,
  'POST /api/donations/:id/devices/import': S,
  'POST /api/public/pledges': PUBLIC,
  'GET /api/intake-queue': R,
  'GET /api/devices': R,
  'GET /api/devices/:id': R,
  'GET /api/devices/:id/events': R,
  'GET /api/audit/verify': M,
  'POST /api/audit/verify': M,
  'GET /api/audit/verify/full': M,
  'POST /api/audit/verify/full': A,
  'GET /api/outbox': A,
  'POST /api/outbox/:id/retry': A,
  'GET /api/scan/:code': R,
  'GET /api/devices/:id/files/:fileId': R,
  'POST /api/devices/:id/actions': S,
  'POST /api/devices/:id/notes': S,
  'POST /api/devices/:id/moves': S,
  'GET /api/devices/selection': R,
  'POST /api/devices/bulk/moves': S,
  'POST /api/devices/bulk/triage': S,
  'POST /api/devices/:id/hardware-reports': S,
  'GET /api/devices/:id/sanitizations': R,
  'POST /api/devices/:id/sanitizations': S,
  'GET /api/sanitizations': S,
  'GET /api/sanitizations/verifiers': S,
  'POST /api/sanitizations/:id/confirm': S,
  'POST /api/sanitizations/:id/reject': S,
  'GET /api/work-queues': R,
  'GET /api/parts': R,
  'GET /api/verification-samples': R,
  'POST /api/verification-samples/:id/verify': S,
  'GET /api/settings': R,
  'PATCH /api/settings': A,
  'POST /api/beneficiaries': M,
  'GET /api/beneficiaries': MP,
  'GET /api/beneficiaries/:id': MP,
  'PATCH /api/beneficiaries/:id': M,
  'GET /api/beneficiaries/:id/audit': M,
  'GET /api/waitlist': M,
  'POST /api/partners': M,
  'GET /api/partners': R,
  'PATCH /api/partners/:id': M,
  'GET /api/partners/:id/referrals': M,
  'GET /api/programmes': R,
  'POST /api/programmes': M,
  'GET /api/programmes/:id': R,
  'PATCH /api/programmes/:id': M,
  'GET /api/programmes/:id/progress': R,
  'GET /api/programmes/:id/waitlist': M,
  'PUT /api/programmes/:id/committee-scores/:beneficiaryId': M,
  'GET /api/public/programmes/:id': PUBLIC,
  'POST /api/public/programmes/:id/applications': PUBLIC,
  'GET /api/allocations': RP,
  'POST /api/allocations': MP,
  'GET /api/allocations/suggestions': M,
  'GET /api/allocations/:id': RP,
  'POST /api/allocations/:id/cancel': MP,
  'POST /api/allocations/:id/handover': MP,
  'PUT /api/allocations/:id/appointment': M,
  'GET /api/reports/dashboard': R,
  'GET /api/reports/devices.csv': R,
  'GET /api/reports/regions': REPORTS,
  'GET /api/reports/regions.csv': REPORTS,
  'GET /api/reports/partners': REPORTS,
  'GET /api/reports/partners.csv': REPORTS,
  'GET /api/reports/regions/:code.pdf': REPORTS,
  'GET /api/reports/programmes/:id/cumulative': R,
  'GET /api/reports/dashboard/:table.csv': R,
  'GET /api/reports/programmes/:id/cumulative.csv': R,
  'PUT /api/settings/logo': A,
  'DELETE /api/settings/demo': A,
  'GET /api/allocations/:id/certificate.pdf': MP,
  'GET /api/devices/:id/sanitization-certificate.pdf': R,
  'GET /api/donations/:id/receipt.pdf': R,
  'GET /api/labels.pdf': S,
  'POST /api/labels/print': S,
  'GET /api/programmes/:id/certificates.pdf': M,
  'GET /api/programmes/:id/certificates/count': M,
  'GET /receipts/:token': PUBLIC,
  'GET /receipts/:token/receipt.pdf': PUBLIC,
  'GET /verify/:code': PUBLIC,
  'GET /d/:tag': PUBLIC,
  'GET /public-fonts/:file': PUBLIC,
  'GET /donors/:token': PUBLIC,
  'GET /donors/:token/statement.pdf': PUBLIC,
  'GET /api/public/impact': PUBLIC,
  'GET /impact': PUBLIC,
  'GET /unsubscribe/:token': PUBLIC,
  'POST /unsubscribe/:token': PUBLIC,
  'GET /api/webhooks': A,
  'POST /api/webhooks': A,
  'PATCH /api/webhooks/:id': A,
  'DELETE /api/webhooks/:id': A,
  'GET /api/webhooks/:id/deliveries': A,
  'POST /api/allocation-batches': M,
  'GET /api/allocation-batches': R,
  'GET /api/allocation-batches/:id': R,
  'POST /api/allocation-batches/:id/handover': M,
  'POST /api/allocation-batches/:id/cancel': M,
  'GET /api/allocation-batches/:id/delivery-note.pdf': M,
  'GET /api/allocation-batches/:id/certificate.pdf': M,
  'GET /api/custody/devices': RP,
  'POST /api/custody/devices/:id/return': MP,
  // Training (spec §14): managers run courses, the workshop staff take attendance too, viewers read; partners none.
  'POST /api/courses': M,
  'GET /api/courses': R,
  'GET /api/courses/:id': R,
  'PATCH /api/courses/:id': M,
  'POST /api/courses/:id/sessions': M,
  'PUT /api/courses/:id/sessions/:sessionId/attendance': S,
  'POST /api/courses/:id/enrolments': M,
  'GET /api/courses/:id/cards.pdf': M,
  'GET /api/enrolments/:id': R,
  'POST /api/enrolments/:id/drop': M,
  'GET /api/enrolments/:id/certificate.pdf': M,
  // Connectivity bundles (spec §14): managers keep the sponsors and their stock; staff, viewers and partners (who
  // give a bundle with their own handovers) read it; the report like the other regional figures.
  'GET /api/sponsors': RP,
  'POST /api/sponsors': M,
  'GET /api/sponsors/:id': RP,
  'POST /api/sponsors/:id/bundles': M,
  'GET /api/reports/bundles': REPORTS,
  'GET /api/reports/bundles.csv': REPORTS,
};

const WHO: Who[] = ['admin', 'manager', 'technician', 'viewer', 'partner', 'anonymous'];

describe('access: every route × every role', () => {
  it('declares every route in the table, and the table names no route that does not exist', () => {
    const declared = allRoutes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    expect(declared).to.deep.equal(Object.keys(ACCESS_TABLE).sort());
  });

  it('answers 401 without login and 403 for a role that may not, and lets allowed roles through', async function () {
    this.timeout(60_000);
    const tokens = new Map<Who, string>();
    for (const role of ['admin', 'manager', 'technician', 'viewer', 'partner'] as Role[])
      tokens.set(role, (await signIn(role)).token);
    const failures: string[] = [];
    for (const route of allRoutes) {
      if (route.path === '/api/auth/logout' || route.path === '/api/auth/login') continue; // would end or open sessions
      const key = `${route.method.toUpperCase()} ${route.path}`;
      const url = route.path.replace(':id', '999999').replace(':code', 'NM999999');
      for (const who of WHO) {
        let req = api()[route.method](url);
        const token = tokens.get(who);
        if (token) req = req.set(bearer(token));
        const res = await req;
        const allowed = ACCESS_TABLE[key].includes(who);
        const denied = res.status === 401 || res.status === 403;
        const expected = !allowed && (who === 'anonymous' ? res.status === 401 : res.status === 403);
        if (allowed ? denied : !expected) failures.push(`${key} as ${who}: ${res.status}`);
        if (res.status >= 500) failures.push(`${key} as ${who}: server error ${res.status}`);
      }
    }
    expect(failures).to.deep.equal([]);
  });
});

// Public routes (no login) must never answer with personal data, whatever id, tag, code or token they are given:
// the walk uses real values (a handed-over device's certificate code, its donation's receipt token, its tag).
// Session expiry and logout-everywhere are covered in test/auth/auth.api.test.ts.
describe('access: public routes leak no personal data', () => {
  it('answers no public route with a beneficiary name, phone or national ID, a receiver name or a user email', async function () {
    this.timeout(30_000);
    const admin = await signIn('admin');
    const manager = await signIn('manager');
    const nationalId = saudiId(777);
    const beneficiary = { name: 'Leaky Beneficiary-Name', phone: '0551234567', nationalId };
    const h = await handedOver(manager.token, { beneficiary });
    // The impact page and API answer 404 until published: publish them, so the walk reads real figures.
    await api().patch('/api/settings').set(bearer(admin.token)).send({ publicImpact: true }).expect(200);
    const donation = await api().get(`/api/donations/${h.device.donationId}`).set(bearer(manager.token)).expect(200);
    const receiptToken = String(donation.body.receiptUrl ?? '').split('/receipts/')[1] ?? 'none';
    const donor = await api().get(`/api/donors/${donation.body.donorId}`).set(bearer(manager.token)).expect(200);
    const pageToken = String(donor.body.pageUrl ?? '').split('/donors/')[1] ?? 'none';
    const values = [
      '1',
      '999999',
      String(h.device.id),
      h.device.assetTag,
      String(h.beneficiaryId),
      h.certificateCode,
      receiptToken,
      pageToken,
    ];
    // The donation's donor (test factory) is reachable by phone and email: a receipt page shows neither.
    const secrets = [
      admin.user.email,
      manager.user.email,
      beneficiary.name,
      '551234567',
      nationalId,
      'أم خالد',
      'csr@gulftech.example',
      '501234567',
    ];
    const leaks: string[] = [];
    // A fresh app: the walk must not spend the per-address budget of the app the other tests share.
    const fresh = request(createApp());
    for (const route of allRoutes.filter((r) => r.access === 'public')) {
      for (const value of values) {
        const url = route.path.replace(/:\w+/g, encodeURIComponent(value));
        for (const accept of ['text/html', 'application/json']) {
          const res = await fresh[route.method](url)
            .set('Accept', accept)
            .send(route.method === 'get' ? undefined : {});
          const text = `${res.text ?? ''}${JSON.stringify(res.headers)}`;
          for (const s of secrets)
            if (text.includes(s)) leaks.push(`${route.method.toUpperCase()} ${url} (${res.status}) shows ${s}`);
        }
      }
    }
    expect(leaks).to.deep.equal([]);
  });
});
