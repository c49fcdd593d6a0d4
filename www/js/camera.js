// Live webcam: camera picker, a frame loop on requestVideoFrameCallback, detection every N
// frames and tracking from the previous keypoints in between, One Euro smoothing, FPS and
// per-stage latency. Frames go to the worker (one request each) and nowhere else.
import { drawFaces } from './draw.js';
import { KeypointSmoother } from './one-euro.js';

/** What a failed `getUserMedia` means, for a camera used to `doing` (while `instead` still
 *  works without it). */
export function cameraMessage(err, { doing = 'track your face', instead = 'photo upload' } = {}) {
  switch (err?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return `Camera permission was denied. Allow the camera for this page to ${doing}; ${instead} still works.`;
    case 'NotFoundError':
    case 'OverconstrainedError':
      return `No camera was found. Connect one and press Start again; ${instead} still works.`;
    case 'NotReadableError':
      return 'The camera is in use by another application.';
    default:
      return `The camera could not be started: ${err?.message ?? err}`;
  }
}

/** One Euro settings: cutoff 3 Hz at rest, rising by 10 Hz per face size per second of speed
 * (tuned on the page tests: still face 0.09% jitter, moving face 0.96% lag, of the eye
 * distance; 1 Hz and 5 gave 0.06% and 2.26%). */
const SMOOTHING = { minCutoff: 3.0, beta: 10 };

export function setupCamera({ detector, elements, report }) {
  const { video, canvas, start, stop, select, smoothing, every, stats } = elements;
  let stream = null;
  let last = null; // the last frame's result: its faces and the region the next one needs
  let frame = 0;
  let busy = false;
  let lastDetectMs = 0; // the last look for faces, in this frame or beside the tracking
  const smoothers = [];
  const fps = { frames: 0, since: performance.now(), value: 0 };

  async function listCameras() {
    const devices = await navigator.mediaDevices.enumerateDevices();
    const cameras = devices.filter((d) => d.kind === 'videoinput');
    const current = select.value;
    select.replaceChildren(...cameras.map((d, i) => new Option(d.label || `Camera ${i + 1}`, d.deviceId)));
    if (cameras.some((c) => c.deviceId === current)) select.value = current;
  }

  async function process(now) {
    const started = performance.now();
    // One request per frame: the faces are followed from the region around them; every N
    // frames faces are looked for beside the tracking (see followWithTimings).
    const before = last?.faces.length ?? 0;
    last = await detector.followWithTimings(video, last, { detect: frame % Math.max(1, Number(every.value)) === 0 });
    const { faces: found, timings, detected: detectNow } = last;
    const t0 = performance.now();
    const t = now / 1000;
    // Smoothing goes on across detection frames (a fresh filter there would let the raw
    // detection through: a jump every few frames); only a change in the faces restarts it.
    if (found.length !== before) smoothers.length = 0;
    const shown = found.map((face, i) => {
      if (!smoothing.checked) return face;
      smoothers[i] ??= new KeypointSmoother(SMOOTHING);
      return smoothers[i].smooth(face, t);
    });
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(video, 0, 0);
    drawFaces(ctx, shown);
    timings.draw_ms = performance.now() - t0;
    timings.frame_ms = performance.now() - started;
    if (detectNow || timings.spot_ms > 0) lastDetectMs = detectNow ? timings.detect_ms : timings.spot_ms;
    fps.frames++;
    if (now - fps.since >= 1000) {
      fps.value = (fps.frames * 1000) / (now - fps.since);
      [fps.frames, fps.since] = [0, now];
    }
    stats.textContent = `${fps.value.toFixed(1)} FPS · ${detectNow ? 'detect' : 'track'} · detect ${lastDetectMs.toFixed(1)} ms · crop ${timings.crop_ms.toFixed(1)} ms · predict ${timings.predict_ms.toFixed(1)} ms · draw ${timings.draw_ms.toFixed(1)} ms · ${found.length} face${found.length === 1 ? '' : 's'}`;
    canvas.dataset.frames = String(Number(canvas.dataset.frames ?? 0) + 1);
    canvas.dispatchEvent(new CustomEvent('frame', { detail: { faces: shown, raw: found, timings, detected: detectNow, spotted: timings.spot_ms > 0, fps: fps.value } }));
  }

  // A frame that arrives while the one before is still being processed is not dropped: it
  // is processed as soon as that one is done (the video's current frame then), instead of
  // waiting for the next frame's callback.
  let pending = false;

  function run(now) {
    busy = true;
    process(now)
      .catch((err) => report(`Tracking stopped: ${err.message}`, 'error'))
      .finally(() => {
        busy = false;
        frame++;
        if (pending && stream) {
          pending = false;
          run(performance.now());
        }
      });
  }

  function loop(now) {
    if (!stream) return;
    video.requestVideoFrameCallback(loop);
    if (busy) pending = true;
    else run(now);
  }

  async function startCamera() {
    report('');
    try {
      const constraints = { video: select.value ? { deviceId: { exact: select.value } } : { width: 640, height: 480 }, audio: false };
      stream = await navigator.mediaDevices.getUserMedia(constraints);
    } catch (err) {
      stream = null;
      report(cameraMessage(err), 'error');
      return;
    }
    video.srcObject = stream;
    await video.play();
    await listCameras().catch(() => {});
    [last, frame, pending] = [null, 0, false];
    smoothers.length = 0;
    start.disabled = true;
    stop.disabled = false;
    video.requestVideoFrameCallback(loop);
  }

  function stopCamera() {
    stream?.getTracks().forEach((t) => t.stop());
    stream = null;
    video.srcObject = null;
    start.disabled = false;
    stop.disabled = true;
    stats.textContent = 'stopped';
  }

  start.addEventListener('click', startCamera);
  stop.addEventListener('click', stopCamera);
  select.addEventListener('change', () => { if (stream) { stopCamera(); startCamera(); } });
  smoothing.addEventListener('change', () => { smoothers.length = 0; });
  navigator.mediaDevices?.enumerateDevices && listCameras().catch(() => {});
  return { start: startCamera, stop: stopCamera };
}
