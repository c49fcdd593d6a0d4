// Shared parts of the browser tests: the page served by `facepoints serve` and headless
// Chromium (WebGPU through SwiftShader, as PLATFORM.md describes) driven by playwright-core.
import { spawn, execFileSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHARED = process.env.FACEPOINTS_SHARED ?? join(ROOT, '..', 'shared');

/** The CLI binary the tests use (`cargo test` builds it). */
export const FACEPOINTS_BIN = process.env.FACEPOINTS_BIN ?? join(ROOT, 'target', 'debug', 'facepoints');

/** Runs the CLI with `args`; its stdout (throws, with its stderr, when it fails). */
export const cli = (...args) => execFileSync(FACEPOINTS_BIN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Starts `facepoints serve` on a free port of 127.0.0.1 (a secure context, as WebGPU and
 *  cameras need) and resolves with the URL it prints; `close()` stops it with Ctrl-C. */
export async function serve() {
  const child = spawn(FACEPOINTS_BIN, ['serve', '--port', '0', '--root', ROOT], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`facepoints serve exited with ${code} before printing its URL`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = line.match(/open (http:\/\/\S+)/);
      if (match) resolve(match[1]);
    });
  });
  // A test file whose clean-up fails part way (a privacy check, say) must still end: the
  // server does not hold the test process open, and goes with it.
  child.stdout.destroy();
  child.unref();
  process.once('exit', () => child.kill('SIGINT'));
  return { url, close: () => child.kill('SIGINT') };
}

export const WEBGPU_FLAGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--enable-unsafe-swiftshader'];
const BASE_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu-sandbox', '--use-angle=swiftshader',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
];

/** A fresh Chromium profile with `extra` flags (WebGPU on unless `webgpu: false`); the
 *  profile's folder goes when the browser is closed. `ownSite: false`: a bench whose own page
 *  and server load what the site never serves (TF.js from node_modules), so the check that
 *  the page asked only for the site's files is left out. */
export async function browser({ webgpu = true, extra = [], ownSite = true } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'facepoints-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...BASE_FLAGS, ...(webgpu ? WEBGPU_FLAGS : []), ...extra],
    viewport: { width: 1200, height: 900 },
  });
  context.profile = profile; // its processes are the ones whose command line names it
  const network = watchNetwork(context);
  context.network = network;
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    await rm(profile, { recursive: true, force: true });
    // Privacy: whatever the test did (photos, webcam, training, exports, fine-tuning), the
    // browser asked nothing of anyone but the page's own files.
    const problems = ownSite ? network.problems() : [];
    if (problems.length) throw new Error(`the page sent what it must not:\n${problems.join('\n')}`);
  };
  return context;
}

/** The paths the page's own server serves (as `serve/src/site.rs` allows them). */
const SITE_PATH = /^\/(index\.html)?$|^\/(www|pkg)\/[^?#]+$/;

/** A query of the page's own options only (workers are started with the page's). */
const PAGE_OPTIONS = /^\?((simd|relaxed|threads|backend)=[\w-]{0,8}(&|$))+$/;

/** Records every request of `context`'s pages and workers and every WebSocket they open.
 *  `problems()` lists each one that is not a GET (or HEAD) without a body of the page's own
 *  files from the loopback server: another host, a POST or beacon, a body, a query other
 *  than the page's own options, a WebSocket. */
export function watchNetwork(context) {
  const requests = [];
  const sockets = [];
  const watchPage = (page) => page.on('websocket', (ws) => sockets.push(ws.url()));
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  context.on('request', (r) => {
    requests.push({ url: r.url(), method: r.method(), body: r.postDataBuffer()?.length ?? 0, type: r.resourceType() });
  });
  const problems = () => {
    const found = sockets.map((url) => `WebSocket ${url}`);
    for (const r of requests) {
      const url = new URL(r.url);
      if (['data:', 'blob:', 'about:'].includes(url.protocol)) continue;
      const loopback = url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      const pageItself = r.type === 'document' && /^\/(index\.html)?$/.test(url.pathname);
      const ok = loopback && ['GET', 'HEAD'].includes(r.method) && r.body === 0
        && SITE_PATH.test(url.pathname) && (url.search === '' || pageItself || PAGE_OPTIONS.test(url.search));
      if (!ok) found.push(`${r.method} ${r.url} (${r.type}${r.body ? `, ${r.body} bytes of body` : ''})`);
    }
    return found;
  };
  return { requests, sockets, problems };
}

/** Removes a test file's scratch folder (downloads, screenshots, fake camera videos) once
 *  its tests are done, unless `FACEPOINTS_KEEP=1` asks to keep it for a look. */
export async function cleanUp(dir) {
  if (dir && process.env.FACEPOINTS_KEEP !== '1') await rm(dir, { recursive: true, force: true });
}

/** Opens the page and waits until the detector is ready (or fails with the page's message). */
export async function openPage(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // What the Content-Security-Policy blocked, in the page (events) and its workers (console).
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.cspConsole = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) page.cspConsole.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(
    () => document.body.dataset.ready === 'true' || !document.getElementById('message').hidden,
    null, { timeout: 240_000 });
  const message = await page.locator('#message').textContent();
  if (!(await page.evaluate(() => document.body.dataset.ready === 'true'))) {
    throw new Error(`the page did not start: ${message} ${errors.join('; ')}`);
  }
  return page;
}

/** Uploads a file through the photo input and waits for the result (or the message). */
export async function uploadPhoto(page, file) {
  await page.evaluate(() => { window.__photo = null; document.getElementById('photo-canvas').addEventListener('faces', (e) => { window.__photo = e.detail; }, { once: true }); });
  await page.setInputFiles('#photo-input', file);
}

/** Sets page `p`'s Train form to a small network (a ModelConfig JSON) that trains in seconds. */
export async function chooseTinyModel(p) {
  await p.selectOption('#train-model', 'custom');
  const tiny = { name: 'tiny', layers: [{ type: 'batch_norm' }, { type: 'conv', filters: 4, kernel: 3 }, { type: 'max_pool' }, { type: 'max_pool' }, { type: 'flatten' }, { type: 'dense', units: 30 }] };
  await p.fill('#train-custom', JSON.stringify(tiny));
  await p.locator('#train-custom').dispatchEvent('change');
}
