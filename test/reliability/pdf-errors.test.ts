// A document that fails while it is drawn must cost one 500, not the process: the error used to end the response
// while pdfkit kept writing pages, and the "write after end" it threw outside any request stops a Node server.
import { expect } from 'chai';
import express from 'express';
import request from 'supertest';
import { errorHandler } from '../../server/lib/error-handler.js';
import { sendPdf } from '../../server/modules/documents/documents.http.js';

describe('documents: a drawing error', () => {
  it('answers 500 in the error shape and throws nothing outside the request', async () => {
    const uncaught: unknown[] = [];
    const collect = (err: unknown) => {
      uncaught.push(err);
    };
    process.prependListener('uncaughtException', collect);
    try {
      const app = express();
      app.get('/doc.pdf', (_req, res) =>
        sendPdf(res, {
          fileName: 'doc.pdf',
          options: {},
          draw: () => {
            throw new Error('a value the layout cannot place');
          },
        }),
      );
      app.use(errorHandler);
      const res = await request(app).get('/doc.pdf');
      await new Promise((r) => setTimeout(r, 100)); // pages that would still be flowing
      expect(res.status).to.equal(500);
      expect(res.headers['content-type']).to.match(/^application\/json/);
      expect(res.body.error.code).to.equal('INTERNAL');
    } finally {
      process.removeListener('uncaughtException', collect);
    }
    expect(uncaught.map((e) => (e as Error).message)).to.deep.equal([]);
  });
});
