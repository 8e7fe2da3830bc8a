// `npm start` serves the built client: build it once if client/dist is missing (a fresh clone).
// The client's build tools (vite, TypeScript) are its devDependencies: `--include=dev` installs them even when
// NODE_ENV=production (which npm would otherwise pass on as --omit=dev), so a production deploy builds too.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const BUILD_TOOLS = ['client/node_modules/vite/package.json', 'client/node_modules/typescript/package.json'];

if (existsSync('client/package.json') && !existsSync('client/dist/index.html')) {
  // The tools, not the folder: an earlier install without dev dependencies leaves client/node_modules without them.
  if (!BUILD_TOOLS.every((file) => existsSync(file))) {
    execSync('npm ci --prefix client --include=dev --no-audit --no-fund', { stdio: 'inherit' });
  }
  execSync('npm run build --prefix client', { stdio: 'inherit' });
}
