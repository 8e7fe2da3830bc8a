// `npm start` serves the built client: build it once if client/dist is missing (a fresh clone).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (existsSync('client/package.json') && !existsSync('client/dist/index.html')) {
  if (!existsSync('client/node_modules')) execSync('npm ci --prefix client --no-audit --no-fund', { stdio: 'inherit' });
  execSync('npm run build --prefix client', { stdio: 'inherit' });
}
