// GET /api/settings carries the charity's country, which the client formats by: Arabic month names, the currency,
// phone placeholders and national ID hints. It is a stored setting (chosen at setup, issue 22); COUNTRY is its default.
import { expect } from 'chai';
import { config } from '../../server/config.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';

describe('settings: the country', function () {
  // Until an admin stores one, the country is COUNTRY's (SA by default, MA with COUNTRY=MA);
  // test/browser/country.browser.ts starts a server under each country.
  it('GET /api/settings returns the configured country to every role', async function () {
    const { token } = await signIn('technician');
    const res = await api().get('/api/settings').set(bearer(token)).expect(200);
    expect(res.body.country).to.equal(config.country);
    expect(['SA', 'MA']).to.include(res.body.country);
  });

  it('PATCH answers with the country too; an admin changes it (issue 22: a stored setting, COUNTRY the default)', async function () {
    const { token } = await signIn('admin');
    const ok = await api().patch('/api/settings').set(bearer(token)).send({ charityPhone: '0522000000' }).expect(200);
    expect(ok.body.country).to.equal(config.country);
    const other = config.country === 'SA' ? 'MA' : 'SA';
    const changed = await api().patch('/api/settings').set(bearer(token)).send({ country: other }).expect(200);
    expect(changed.body.country).to.equal(other);
    const after = await api().get('/api/settings').set(bearer(token)).expect(200);
    expect(after.body.country).to.equal(other);
    const bad = await api().patch('/api/settings').set(bearer(token)).send({ country: 'FR' }).expect(400);
    expect(JSON.stringify(bad.body.error.details)).to.contain('country');
  });
});
