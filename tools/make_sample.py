"""Cut the small committed sample of ytf_kaggle96 (www/data/ytf_sample) from the full set.

Takes every 12th person (sorted by name) of the training split, all of their frames, keeping
file order; rows are renumbered 1..n in meta.csv.gz. Output is gzip -n -9, reproducible.

    python3 tools/make_sample.py ../shared/data/ytf_kaggle96 www/data/ytf_sample
"""
import csv
import gzip
import io
import sys


def person(name):
    stem = name.rsplit(".", 1)[0]
    head, _, frame = stem.rpartition("_")
    return head if frame.isdigit() else stem


def write_gz(path, text):
    with open(path, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
            gz.write(text.encode())


def main(src, dst):
    with gzip.open(f"{src}/meta.csv.gz", "rt", newline="") as f:
        meta = list(csv.reader(f))
    header, rows = meta[0], [r for r in meta[1:] if r[0] == "training"]
    rows.sort(key=lambda r: int(r[1]))
    people = sorted({person(r[2]) for r in rows})
    keep_people = set(people[::12])
    keep = [i for i, r in enumerate(rows) if person(r[2]) in keep_people]
    with gzip.open(f"{src}/training.csv.gz", "rt", newline="") as f:
        lines = f.read().splitlines()
    train_out = [lines[0]] + [lines[1 + i] for i in keep]
    write_gz(f"{dst}/training.csv.gz", "\n".join(train_out) + "\n")
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for n, i in enumerate(keep, start=1):
        w.writerow(["training", str(n)] + rows[i][2:])
    write_gz(f"{dst}/meta.csv.gz", out.getvalue())
    print(f"{len(keep)} rows of {len(keep_people)} people")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
