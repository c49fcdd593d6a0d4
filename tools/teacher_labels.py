"""Relabels ytf_kaggle96's training faces with a teacher: MediaPipe Face Mesh 0.10.14 run on
each face's source frame, its mesh mapped to the 15 Kaggle keypoints and carried into the
face's 96×96 crop (meta.csv.gz's crop box). Writes a training.csv.gz in Kaggle's layout (the
same faces and pixels, the teacher's keypoints) with its meta.csv.gz beside it; writes
`frames15.csv.gz`, the teacher's 15 keypoints in every labelled source frame
(`training/<name>` or `test/<name>`, then x, y per keypoint: `facepoints bench-e2e --truth`);
and prints how the teacher's points differ from the dataset's own, point by point.

Why: the dataset's labels follow a scheme of their own — the whole shape about a source pixel
right of and below the teacher's, the inner eyebrow ends further apart, the mouth lower
(docs/results.md, "Labels and framing", measures it) — and a model trained on them learns it.

Run by hand (not in CI; mediapipe 0.10.14 bundles its models and runs offline):

    python3 -m venv /tmp/mp && /tmp/mp/bin/pip install mediapipe==0.10.14
    /tmp/mp/bin/python tools/teacher_labels.py --frames <Udacity set>/data \
        --labels ../shared/data/ytf68_udacity --data ../shared/data/ytf_kaggle96 --out /tmp/ytf_teacher96

The frames are the Udacity P1 set's `data/training/` and `data/test/` folders
(../shared/data/PROVENANCE.md);
the script checks the data files' sha256 first. Faces where the teacher finds no face, or
lands far from the dataset's labels (mean error over 15% of the eye-corner distance, a wrong
face or a failed mesh), are left out and counted.
"""

import argparse
import csv
import gzip
import hashlib
import sys
from pathlib import Path

import mediapipe as mp
import numpy as np
from PIL import Image

# The Face Mesh indices whose mean is each Kaggle keypoint: the mapping the MediaPipe
# reference of `facepoints bench-e2e` scores with, one table for both scripts.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benches"))
from mediapipe_e2e import MESH  # noqa: E402

SHA256 = {
    "training.csv.gz": "e54ad2b8f364fdff31bddbb5a6b7e36a0bca8a2825772312598c63299d6b247f",
    "training_frames_keypoints.csv.gz": "4da07a4f495f8a5a7b1cf523b937cc7f9eb1f247adc2589ee86cfb2f7fc54136",
    "test_frames_keypoints.csv.gz": "f1375e629e4ffb2772c6562612d7a1aedf678a13beca5b6314739c9fddbfc0df",
}
# iBUG-68 indices whose mean is each Kaggle keypoint (src/keypoints.rs, FROM_IBUG68).
IBUG = [[42, 43, 44, 45, 46, 47], [36, 37, 38, 39, 40, 41], [42], [45], [39], [36], [22], [26],
        [21], [17], [30], [54], [48], [51], [57]]
SIDE = 96
FAR = 0.15  # mean teacher-vs-dataset error (of the eye-corner distance) past which a face is left out


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Teacher:
    """Face Mesh on source frames, each frame's faces read once."""

    def __init__(self, folder):
        self.folder = folder
        self.mesh = mp.solutions.face_mesh.FaceMesh(static_image_mode=True, max_num_faces=4)
        self.seen = {}

    def faces(self, frame):
        """Every face's 15 keypoints in the frame's pixels (pixel-centre coordinates: the
        top-left pixel spans [0, 1), its centre is 0)."""
        if frame not in self.seen:
            image = np.array(Image.open(self.folder / frame).convert("RGB"))
            h, w = image.shape[:2]
            found = []
            for face in self.mesh.process(image).multi_face_landmarks or []:
                pts = np.array([[p.x * w - 0.5, p.y * h - 0.5] for p in face.landmark])
                found.append(np.array([pts[i].mean(axis=0) for i in MESH]))
            self.seen[frame] = found
        return self.seen[frame]

    def nearest(self, frame, near):
        """The teacher's face nearest `near` (15 keypoints, frame pixels), or None."""
        faces = self.faces(frame)
        if not faces:
            return None
        return min(faces, key=lambda f: np.nanmean(np.linalg.norm(f - near, axis=1)))


def too_far(points, truth):
    """A teacher face whose mean error is over FAR of the dataset's eye-corner distance."""
    d = np.linalg.norm(truth[3] - truth[5])
    return not np.isfinite(d) or np.nanmean(np.linalg.norm(points - truth, axis=1)) / d > FAR


def to_crop(points, crop):
    """Frame pixels → the 96×96 crop's pixels (both pixel-centre)."""
    x0, y0, side = crop
    s = side / SIDE
    return np.stack([(points[:, 0] + 0.5 - x0) / s - 0.5, (points[:, 1] + 0.5 - y0) / s - 0.5], 1)


def to_frame(points, crop):
    """The inverse of to_crop."""
    x0, y0, side = crop
    s = side / SIDE
    return np.stack([x0 + (points[:, 0] + 0.5) * s - 0.5, y0 + (points[:, 1] + 0.5) * s - 0.5], 1)


def write_frames15(teacher, labels, out):
    """The teacher's keypoints in every labelled source frame: `folder/name`, 30 numbers."""
    written = left_out = 0
    with gzip.open(out, "wt", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["frame"] + [f"{a}{k}" for k in range(15) for a in "xy"])
        for folder in ["training", "test"]:
            with gzip.open(labels / f"{folder}_frames_keypoints.csv.gz", "rt") as g:
                rows = list(csv.reader(g))[1:]
            for name, *coords in rows:
                p68 = np.array(coords, dtype=float).reshape(68, 2)
                truth = np.array([p68[i].mean(axis=0) for i in IBUG])
                frame = f"{folder}/{name}"
                points = teacher.nearest(frame, truth)
                if points is None or too_far(points, truth):
                    left_out += 1
                    continue
                w.writerow([frame] + [f"{c:.3f}" for c in points.reshape(-1)])
                written += 1
    print(f"{out}: {written} frames, {left_out} left out (no teacher face, or too far)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frames", type=Path, required=True)
    parser.add_argument("--labels", type=Path, required=True)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    for name, want in SHA256.items():
        path = (args.data if name == "training.csv.gz" else args.labels) / name
        got = sha256(path)
        if got != want:
            raise SystemExit(f"{path}: sha256 {got}, expected {want}")
    with gzip.open(args.data / "meta.csv.gz", "rt") as f:
        rows = list(csv.reader(f))
    meta = {int(r[1]): dict(zip(rows[0], r)) for r in rows[1:] if r[0] == "training"}
    with gzip.open(args.data / "training.csv.gz", "rt") as f:
        faces = list(csv.reader(f))
    header, faces = faces[0], faces[1:]
    teacher = Teacher(args.frames)
    args.out.mkdir(parents=True, exist_ok=True)
    kept, missing, far, offsets = [], 0, 0, []
    with gzip.open(args.out / "training.csv.gz", "wt", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        for row_number, face in enumerate(faces, start=1):
            m = meta[row_number]
            dataset = np.array([float(v) if v else np.nan for v in face[:30]]).reshape(15, 2)
            crop = (float(m["crop_x0"]), float(m["crop_y0"]), float(m["crop_side"]))
            found = teacher.nearest(f"training/{m['source_image']}", to_frame(dataset, crop))
            if found is None:
                missing += 1
                continue
            points = to_crop(found, crop)
            if too_far(points, dataset):
                far += 1
                continue
            eyes = dataset[3] - dataset[5]
            d = np.linalg.norm(eyes)
            u = eyes / d
            v = np.array([-u[1], u[0]])
            diff = points - dataset
            offsets.append(np.stack([diff @ u, diff @ v], 1) / d * 100)
            out.writerow([f"{c:.4f}" for c in points.reshape(-1)] + [face[30]])
            kept.append(row_number)
    # The people file, its training rows renumbered to the faces kept.
    renumber = {old: new for new, old in enumerate(kept, start=1)}
    with gzip.open(args.out / "meta.csv.gz", "wt", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(rows[0])
        for r in rows[1:]:
            if r[0] != "training":
                out.writerow(r)
            elif int(r[1]) in renumber:
                out.writerow([r[0], str(renumber[int(r[1])]), *r[2:]])
    write_frames15(teacher, args.labels, args.out / "frames15.csv.gz")
    print(f"{len(kept)} faces relabelled, {missing} without a teacher face, {far} too far from the dataset's labels (left out)")
    offsets = np.array(offsets)
    shift = np.nanmean(offsets, axis=(0, 1))
    print(f"teacher minus dataset, % of the eye-corner distance (mean over faces; whole-shape shift {shift[0]:+.1f} along the eye line, {shift[1]:+.1f} down):")
    print("| keypoint | along the eye line (image right +) | down the face (+) |")
    print("|---|---|---|")
    for k in range(15):
        name = header[2 * k][:-2]
        print(f"| {name} | {np.nanmean(offsets[:, k, 0]):+.1f} | {np.nanmean(offsets[:, k, 1]):+.1f} |")


if __name__ == "__main__":
    main()
