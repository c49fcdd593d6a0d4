"""MediaPipe Face Mesh on the frames that `facepoints bench-e2e --export DIR` wrote: the
reference row of the end-to-end table, scored exactly as bench-e2e scores facepoints.

Run by hand (not in CI); mediapipe 0.10.14 still bundles its Face Mesh and BlazeFace models,
so it runs offline:

    python3 -m venv /tmp/mp && /tmp/mp/bin/pip install mediapipe==0.10.14
    facepoints bench-e2e ... --export /tmp/e2e
    /tmp/mp/bin/python benches/mediapipe_e2e.py /tmp/e2e

DIR/labels.csv has one row per test image: condition, file, then the 15 true keypoints
(x, y in Kaggle order, pixel-centre coordinates).
"""

import csv
import statistics
import sys
from pathlib import Path

import mediapipe as mp
import numpy as np
from PIL import Image

# Face Mesh indices whose mean is each Kaggle keypoint, in Kaggle order ("left" is the
# subject's left, image right), matching the iBUG-68 points the labels come from.
MESH = [
    [362, 385, 387, 263, 373, 380],  # left_eye_center (the six eye-contour points)
    [33, 160, 158, 133, 153, 144],  # right_eye_center
    [362],  # left_eye_inner_corner
    [263],  # left_eye_outer_corner
    [133],  # right_eye_inner_corner
    [33],  # right_eye_outer_corner
    [336],  # left_eyebrow_inner_end
    [300],  # left_eyebrow_outer_end
    [107],  # right_eyebrow_inner_end
    [70],  # right_eyebrow_outer_end
    [1],  # nose_tip
    [291],  # mouth_left_corner
    [61],  # mouth_right_corner
    [0],  # mouth_center_top_lip
    [17],  # mouth_center_bottom_lip
]
FAILURE = 0.10


def nme(pred, truth):
    """Mean point error over the distance between the outer eye corners of the truth."""
    return float(np.linalg.norm(pred - truth, axis=1).mean() / np.linalg.norm(truth[3] - truth[5]))


def main(folder):
    folder = Path(folder)
    rows = list(csv.reader(open(folder / "labels.csv")))[1:]
    mesh = mp.solutions.face_mesh.FaceMesh(
        static_image_mode=True, max_num_faces=16, refine_landmarks=False
    )
    by_condition = {}
    for condition, file, *coords in rows:
        truth = np.array(coords, dtype=np.float32).reshape(15, 2)
        image = np.array(Image.open(folder / file).convert("RGB"))
        h, w = image.shape[:2]
        result = mesh.process(image)
        best = None
        for face in result.multi_face_landmarks or []:
            pts = np.array([[p.x * w - 0.5, p.y * h - 0.5] for p in face.landmark])
            pred = np.array([pts[idx].mean(axis=0) for idx in MESH])
            eyes = np.linalg.norm(truth[3] - truth[5])
            off = np.linalg.norm(pred.mean(axis=0) - truth.mean(axis=0))
            if off < eyes and (best is None or off < best[0]):
                best = (off, pred)
        entry = by_condition.setdefault(condition, {"n": 0, "errors": []})
        entry["n"] += 1
        if best is not None:
            entry["errors"].append(nme(best[1], truth))
    print("| condition | faces | detected | mean NME | median NME | failures (NME > 10%) |")
    print("|---|---|---|---|---|---|")
    every = [x for c, entry in by_condition.items() for x in entry["errors"]]
    by_condition["**all**"] = {"n": sum(e["n"] for e in by_condition.values()), "errors": every}
    for condition, entry in by_condition.items():
        e = entry["errors"]
        if not e:
            print(f"| {condition} | {entry['n']} | 0 | – | – | – |")
            continue
        fails = sum(x > FAILURE for x in e) / len(e)
        print(
            f"| {condition} | {entry['n']} | {len(e)} | {100 * statistics.mean(e):.1f}% "
            f"| {100 * statistics.median(e):.1f}% | {100 * fails:.0f}% |"
        )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "e2e")
