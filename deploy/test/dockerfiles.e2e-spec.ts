import { Copy } from 'dockerfile-ast';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiNodeFlags } from '../../scripts/lib/api-launch';
import { DockerfileStage, execFormOf, readDockerfileStages, repoRoot } from './support/deployment-files';

const nodeImages = [
  { file: 'deploy/api.Dockerfile', entry: 'dist/api/api/src/main.js', port: 3001 },
  { file: 'deploy/platform.Dockerfile', entry: 'dist/platform/platform/src/main.js', port: 8000 },
];
const allImages = [...nodeImages.map(({ file }) => file), 'deploy/web.Dockerfile'];
const secretLooking = /PASSWORD|SECRET|KEY|TOKEN|CREDENTIAL/i;

const keywordsOf = (stage: DockerfileStage, keyword: string) =>
  stage.instructions.filter((instruction) => instruction.getKeyword() === keyword);
const finalStageOf = (file: string) => readDockerfileStages(file).at(-1) as DockerfileStage;

describe.each(allImages)('%s', (file) => {
  const stages = readDockerfileStages(file);
  const finalStage = finalStageOf(file);

  it('builds in one stage and runs from a fresh one', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0].image).toBe('node:22-alpine');
    const sources = keywordsOf(finalStage, 'COPY').map((copy) => (copy as Copy).getFromFlag()?.getValue());
    expect(sources).toContain(stages[0].name);
  });

  it('runs as a user other than root', () => {
    const users = keywordsOf(finalStage, 'USER').map((user) => user.getArgumentsContent()?.trim());
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });

  it('checks its own health on /health', () => {
    const [healthcheck] = keywordsOf(finalStage, 'HEALTHCHECK');
    expect(healthcheck?.getArgumentsContent()).toMatch(/CMD .*\/health/);
  });

  it('bakes no secret into the image', () => {
    const all = stages.flatMap((stage) => stage.instructions);
    for (const instruction of all.filter((each) => ['ARG', 'ENV'].includes(each.getKeyword()))) {
      expect(instruction.getArgumentsContent()).not.toMatch(secretLooking);
    }
    for (const copy of all.filter((each) => ['COPY', 'ADD'].includes(each.getKeyword()))) {
      expect(copy.getArgumentsContent()).not.toMatch(/secrets|\.env\b/);
    }
    const ignored = readFileSync(join(repoRoot, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['deploy/secrets', '.env', '**/node_modules', 'dist']));
  });
});

describe.each(nodeImages)('$file', ({ file, entry, port }) => {
  const finalStage = finalStageOf(file);
  const runs = keywordsOf(finalStage, 'RUN').map((run) => run.getArgumentsContent() ?? '');

  it('builds with every dependency and the Nest CLI', () => {
    const buildRuns = readDockerfileStages(file)[0]
      .instructions.filter((instruction) => instruction.getKeyword() === 'RUN')
      .map((run) => run.getArgumentsContent());
    expect(buildRuns).toEqual(
      expect.arrayContaining(['npm ci', expect.stringMatching(/^npx nest build (api|platform)$/)]),
    );
  });

  it('installs production dependencies only in the image it runs', () => {
    const installs = runs.filter((run) => /\bnpm (ci|install|i)\b/.test(run));
    expect(installs.length).toBe(1);
    expect(installs[0]).toMatch(/npm ci --omit=dev/);
    expect(finalStage.image).toBe('node:22-alpine');
    const env = keywordsOf(finalStage, 'ENV').map((instruction) => instruction.getArgumentsContent());
    expect(env).toContain('NODE_ENV=production');
  });

  it('starts as scripts/lib/api-launch.ts says, in /app', () => {
    const [cmd] = keywordsOf(finalStage, 'CMD');
    expect(execFormOf(cmd)).toEqual(['node', ...apiNodeFlags, entry]);
    expect(keywordsOf(finalStage, 'WORKDIR').map((workdir) => workdir.getArgumentsContent())).toEqual(['/app']);
    expect(keywordsOf(finalStage, 'USER').map((user) => user.getArgumentsContent())).toEqual(['node']);
  });

  it('probes its own port', () => {
    const [healthcheck] = keywordsOf(finalStage, 'HEALTHCHECK');
    expect(healthcheck.getArgumentsContent()).toContain(`http://127.0.0.1:${port}/health`);
  });
});

describe('deploy/web.Dockerfile', () => {
  const stages = readDockerfileStages('deploy/web.Dockerfile');
  const finalStage = stages.at(-1) as DockerfileStage;

  it('builds the Angular app with its pre-compressed files and serves them from unprivileged nginx on 8080', () => {
    const buildRuns = keywordsOf(stages[0], 'RUN').map((run) => run.getArgumentsContent());
    expect(buildRuns).toContain('npx ng build web && npx tsx scripts/compress-web.ts');
    expect(finalStage.image).toMatch(/^nginxinc\/nginx-unprivileged:[\d.]+-alpine$/);
    const copies = keywordsOf(finalStage, 'COPY').map((copy) => copy.getArgumentsContent());
    expect(copies).toEqual(
      expect.arrayContaining([
        'deploy/nginx/default.conf /etc/nginx/conf.d/default.conf',
        '/src/dist/web/browser /usr/share/nginx/html',
      ]),
    );
    expect(keywordsOf(finalStage, 'EXPOSE').map((expose) => expose.getArgumentsContent())).toEqual(['8080']);
  });

  it('caches hashed files for good, revalidates index.html, falls back to it and answers /health', () => {
    const nginx = readFileSync(join(repoRoot, 'deploy/nginx/default.conf'), 'utf8');
    expect(nginx).toMatch(/listen 8080;/);
    expect(nginx).toMatch(/location = \/health \{[^}]*return 200/);
    expect(nginx).toMatch(/location = \/index\.html \{[^}]*Cache-Control "no-cache"/);
    expect(nginx).toMatch(/Cache-Control "public, max-age=31536000, immutable"/);
    expect(nginx).toMatch(/try_files \$uri \$uri\/ \/index\.html;/);
    expect(nginx).toMatch(/gzip_static on;/);
  });

  it('sends the pre-compressed .br to clients that accept brotli, else the .gz, saying so and varying on it', () => {
    const nginx = readFileSync(join(repoRoot, 'deploy/nginx/default.conf'), 'utf8');
    const locations = new Map(
      [...nginx.matchAll(/location (.*) \{\n([^}]*)\}/g)].map(([, match, body]) => [match.trim(), body]),
    );
    const textLocations = ['= /index.html', '~* "-[a-z0-9]{8}\\.js$"', '~* "-[a-z0-9]{8}\\.css$"'];
    expect(nginx).toMatch(/map \$http_accept_encoding \$brotli_suffix \{[^}]*br[^}]*"\.br";/);
    expect(nginx).toMatch(/map \$brotli_suffix \$brotli_encoding \{[^}]*"\.br" "br";/);
    for (const location of textLocations) {
      const body = locations.get(location);
      expect(body).toMatch(/try_files \$uri\$brotli_suffix \$uri =404;/);
      expect(body).toMatch(/add_header Content-Encoding \$brotli_encoding;/);
      expect(body).toMatch(/add_header Vary Accept-Encoding always;/);
      // mime.types knows no .br: the location names the type.
      expect(body).toMatch(/default_type (text\/html|application\/javascript|text\/css);/);
    }
    expect(locations.get('= /index.html')).toMatch(/Cache-Control "no-cache"/);
    for (const hashed of textLocations.slice(1)) {
      expect(locations.get(hashed)).toMatch(/Cache-Control "public, max-age=31536000, immutable" always;/);
    }
    expect(locations.get('/')).toMatch(/add_header Vary Accept-Encoding always;/);
  });
});
