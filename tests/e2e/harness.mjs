// Shared parts of the browser tests: a static server for the repository root and headless
// Chromium (WebGPU through SwiftShader, as PLATFORM.md describes) driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, mkdtemp } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHARED = process.env.FACEPOINTS_SHARED ?? join(ROOT, '..', 'shared');

const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png', '.md': 'text/markdown',
};

/** Serves the repository root on 127.0.0.1 (a secure context, as WebGPU and cameras need). */
export async function serve() {
  const server = createServer(async (req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (path.endsWith('/')) path += 'index.html';
    try {
      const body = await readFile(join(ROOT, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

export const WEBGPU_FLAGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--enable-unsafe-swiftshader'];
const BASE_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu-sandbox', '--use-angle=swiftshader',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
];

/** A fresh Chromium profile with `extra` flags (WebGPU on unless `webgpu: false`). */
export async function browser({ webgpu = true, extra = [] } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'facepoints-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...BASE_FLAGS, ...(webgpu ? WEBGPU_FLAGS : []), ...extra],
    viewport: { width: 1200, height: 900 },
  });
}

/** Opens the page and waits until the detector is ready (or fails with the page's message). */
export async function openPage(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
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
