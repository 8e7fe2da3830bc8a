// GET /api/settings carries the instance's country (config COUNTRY), which the client formats by: Arabic month
// names, the currency, phone placeholders and national ID hints. It is read-only: PATCH refuses it.
import { expect } from 'chai';
import { config } from '../../server/config.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';

describe('settings: the country', function () {
  // config is frozen at start: this suite checks what the running configuration says (SA by default, MA with
  // COUNTRY=MA); test/browser/country.browser.ts starts a server under each country.
  it('GET /api/settings returns the configured country to every role', async function () {
    const { token } = await signIn('technician');
    const res = await api().get('/api/settings').set(bearer(token)).expect(200);
    expect(res.body.country).to.equal(config.country);
    expect(['SA', 'MA']).to.include(res.body.country);
  });

  it('PATCH answers with the country too, and refuses to change it (400 naming the field)', async function () {
    const { token } = await signIn('admin');
    const ok = await api().patch('/api/settings').set(bearer(token)).send({ charityPhone: '0522000000' }).expect(200);
    expect(ok.body.country).to.equal(config.country);
    const bad = await api()
      .patch('/api/settings')
      .set(bearer(token))
      .send({ country: config.country === 'SA' ? 'MA' : 'SA' })
      .expect(400);
    expect(JSON.stringify(bad.body.error.details)).to.contain('country');
    const after = await api().get('/api/settings').set(bearer(token)).expect(200);
    expect(after.body.country).to.equal(config.country);
  });
});
