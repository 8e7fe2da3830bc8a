// GET /api/regions: the reference list with each region's main cities, for every signed-in role. It changes only
// with a new release, so the answer may be cached: a day without asking, then revalidated by its ETag.
import { createHash } from 'node:crypto';
import { defineRoutes } from '../../lib/route.js';
import { ALL_ROLES, type Access } from '../auth/index.js';
import { citiesOf } from '../../shared/cities.js';
import { REGIONS, type RegionWithCitiesDto } from '../../shared/regions.js';

const list: RegionWithCitiesDto[] = REGIONS.map((r) => ({
  ...r,
  cities: citiesOf(r.code).map(({ nameAr, nameEn, nameFr }) => ({ nameAr, nameEn, nameFr })),
}));
const body = JSON.stringify(list);
const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

export const regionRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/regions',
    access: ALL_ROLES,
    handler: (req, res) => {
      res.set({ 'Cache-Control': 'private, max-age=86400', ETag: etag });
      if (req.headers['if-none-match'] === etag) return res.status(304).end();
      return res.type('application/json').send(body);
    },
  },
]);
