import { DockerfileParser, Instruction } from 'dockerfile-ast';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const repoRoot = resolve(__dirname, '../../..');
export const composePath = join(repoRoot, 'docker-compose.yml');
export const secretsExampleDir = join(repoRoot, 'deploy/secrets.example');

export interface ComposeHealthcheck {
  test: string[];
}

export interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  expose?: string[];
  volumes?: string[];
  secrets?: string[];
  networks?: string[];
  healthcheck?: ComposeHealthcheck;
  depends_on?: Record<string, { condition: string }>;
  labels?: Record<string, string>;
  read_only?: boolean;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  networks: Record<string, { name?: string; internal?: boolean }>;
  volumes: Record<string, { name?: string } | null>;
  secrets: Record<string, { file: string }>;
}

/** docker-compose.yml as written (merge keys applied, `${…}` left as they are). */
export function readComposeFile(): ComposeFile {
  return parseYaml(readFileSync(composePath, 'utf8'), { merge: true }) as ComposeFile;
}

/** The names of the placeholder secret files. */
export function secretsExampleNames(): string[] {
  return readdirSync(secretsExampleDir).sort();
}

/** The volume a service mounts at `target`, as `source:target[:mode]` says. */
export function volumeMountedAt(service: ComposeService, target: string): string | undefined {
  return service.volumes?.map((entry) => entry.split(':')).find(([, mountPoint]) => mountPoint === target)?.[0];
}

export interface DockerfileStage {
  name: string | null;
  image: string | null;
  instructions: Instruction[];
}

/** A Dockerfile's build stages in order, each with its own instructions (FROM first). */
export function readDockerfileStages(relativePath: string): DockerfileStage[] {
  const dockerfile = DockerfileParser.parse(readFileSync(join(repoRoot, relativePath), 'utf8'));
  const stages: DockerfileStage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = dockerfile
        .getFROMs()
        .find((candidate) => candidate.getRange().start.line === instruction.getRange().start.line);
      stages.push({ name: from?.getBuildStage() ?? null, image: from?.getImage() ?? null, instructions: [] });
    }
    stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

/** The arguments of an instruction in JSON (exec) form, e.g. CMD ["node", "main.js"]. */
export function execFormOf(instruction: Instruction): string[] {
  return JSON.parse(instruction.getArgumentsContent() ?? '[]') as string[];
}
