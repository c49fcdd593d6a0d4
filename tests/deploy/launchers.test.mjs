// The launchers in deploy/ run as their schedulers would run them, short of the scheduler:
// the Kubernetes Job's container arguments (from the YAML, with the variables Kubernetes
// expands, the completion index among them) are given to the image's entry point (the
// Dockerfile's ENTRYPOINT), and the Slurm script runs with each array task's id. Their
// trials, started together in a shuffled order, merge to the single-machine command's table.
//
//   FACEPOINTS_BIN=target/debug/facepoints node --test tests/deploy/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const bin = resolve(repo, process.env.FACEPOINTS_BIN ?? 'target/debug/facepoints');
const sample = join(repo, 'www/data/ytf_sample/training.csv.gz');
const tiny = JSON.stringify({
  name: 'tiny',
  layers: [{ type: 'batch_norm' }, { type: 'conv', filters: 4, kernel: 3 }, { type: 'max_pool' },
    { type: 'max_pool' }, { type: 'flatten' }, { type: 'dense', units: 30 }],
});

/** The table lines of a command's output, each search row's wall time left out. */
function table(stdout) {
  return stdout.split('\n')
    .filter((l) => l.startsWith('|') || l.startsWith('Search:') || l.startsWith('Model '))
    .map((l) => (l.endsWith(' s |') ? l.slice(0, l.lastIndexOf('|', l.length - 2)) : l));
}

/** A folder standing for the shared volume: the training file and the tiny model in it. */
function sharedFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'facepoints-deploy-'));
  mkdirSync(join(dir, 'shared'));
  copyFileSync(sample, join(dir, 'shared/training.csv.gz'));
  copyFileSync(join(repo, 'www/data/ytf_sample/meta.csv.gz'), join(dir, 'shared/meta.csv.gz'));
  writeFileSync(join(dir, 'tiny.json'), tiny);
  writeFileSync(join(dir, 'space.json'), JSON.stringify({
    learning_rate: [1e-3, 1e-2], batch_size: [16, 32], dropout: [], optimizer: ['sgd', 'adam'],
    schedule: ['constant'], augment: [false, true], augment_k: [1], epochs: 2, patience: 1,
  }));
  return dir;
}

/** A random order of 0..n-1. */
function shuffled(n) {
  const order = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

test('the Kubernetes Indexed Job runs each trial of a search plan in the image', async (t) => {
  const dir = sharedFolder();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const job = parse(readFileSync(join(repo, 'deploy/kubernetes/trials-job.yaml'), 'utf8'));
  assert.equal(job.kind, 'Job');
  assert.equal(job.spec.completionMode, 'Indexed');
  const pod = job.spec.template.spec;
  assert.equal(pod.restartPolicy, 'Never');
  const [container] = pod.containers;
  const mount = container.volumeMounts.find((m) => m.name === pod.volumes[0].name).mountPath;
  // The image runs `facepoints` with the container's arguments.
  const entry = readFileSync(join(repo, 'deploy/Dockerfile'), 'utf8').match(/^ENTRYPOINT (.*)$/m);
  assert.deepEqual(JSON.parse(entry[1]), ['facepoints']);

  const shared = join(dir, 'shared');
  const data = ['--data', join(shared, 'training.csv.gz'), '--model', join(dir, 'tiny.json')];
  const search = ['search', ...data, '--space', join(dir, 'space.json'), '--search-seed', '5',
    '--trials', '4'];
  const sequential = (await run(bin, search)).stdout;
  await run(bin, [...search, '--write-plan', join(shared, 'plan')]);

  // Each pod: the container's env as Kubernetes sets it (the completion index from the
  // pod's annotation), its arguments expanded, the volume's mount path standing for `shared`.
  const pods = shuffled(job.spec.completions).filter((i) => i < 4).map((index) => {
    const env = {};
    for (const v of container.env) {
      if (v.valueFrom) {
        assert.equal(v.valueFrom.fieldRef.fieldPath,
          "metadata.annotations['batch.kubernetes.io/job-completion-index']");
        env[v.name] = String(index);
      } else {
        env[v.name] = v.value.startsWith(`${mount}/`) ? shared + v.value.slice(mount.length) : v.value;
      }
    }
    const args = container.args.map((a) => a.replace(/\$\((\w+)\)/g, (_, name) => {
      assert.ok(name in env, `$(${name}) is not in the container's env`);
      return env[name];
    }));
    return run(bin, args, { env: { ...process.env, ...env } });
  });
  for (const { stdout } of await Promise.all(pods)) {
    assert.match(stdout, /^trial \d: validation RMSE/);
  }
  const merged = (await run(bin, ['runs', 'merge', join(shared, 'plan')])).stdout;
  assert.deepEqual(table(merged), table(sequential));
  assert.equal(table(merged).length, 3 + 4);
});

test('the Slurm array script runs each trial of an ablation plan', async (t) => {
  const dir = sharedFolder();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const script = join(repo, 'deploy/slurm/trials.sbatch');
  const text = readFileSync(script, 'utf8');
  assert.match(text, /^#SBATCH --cpus-per-task=\d+$/m);
  const shared = join(dir, 'shared');
  const ablate = ['ablate', '--data', join(shared, 'training.csv.gz'), '--model',
    join(dir, 'tiny.json'), '--epochs', '1', '--batch-size', '32', '--seeds', '1'];
  const sequential = (await run(bin, ablate)).stdout;
  const plan = join(shared, 'plan');
  const written = (await run(bin, [...ablate, '--write-plan', plan])).stdout;
  const trials = Number(written.match(/(\d+) trials, 0 to/)[1]);
  assert.equal(trials, 9);

  // The array's tasks, as `sbatch --array=0-8` starts them (sbatch passes the environment on).
  const env = { ...process.env, STUDY: 'ablate', PLAN: plan, DATA: join(shared, 'training.csv.gz'),
    FACEPOINTS: bin, SLURM_CPUS_PER_TASK: '1' };
  const tasks = shuffled(trials).map((id) =>
    run('bash', [script], { env: { ...env, SLURM_ARRAY_TASK_ID: String(id) } }));
  await Promise.all(tasks);
  const merged = (await run(bin, ['runs', 'merge', plan])).stdout;
  assert.deepEqual(table(merged), table(sequential));
  assert.equal(table(merged).length, 3 + 9);

  // Without an array task id the script says how to submit it.
  await assert.rejects(run('bash', [script], { env }), (e) => /sbatch --array=0-/.test(e.stderr));
});
