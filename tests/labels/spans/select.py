"""Lists the offers of the span labels (see GUIDELINE.md): 16 digital and 24 other
offers of ft_allsectors_2025-11.jsonl, evenly spaced in id order among the records
whose description has at least 700 characters, a repeat (the title of an offer already
chosen) replaced by the next record.

Usage: python3 select.py [DATA]   (DATA defaults to $PASSERELLE_SHARED_DATA, else
../shared/data); prints one line per offer: id, digital or other, tune or check.
"""

import json
import os
import sys


def spread(records, count, chosen_keys):
    picked = []
    for i in range(count):
        j = int(i * len(records) / count)
        while True:
            record = records[j]
            key = record["intitule"].strip().lower()
            if key not in chosen_keys:
                break
            j += 1
        chosen_keys.add(key)
        picked.append(record)
    return picked


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
        "PASSERELLE_SHARED_DATA", "../shared/data")
    path = os.path.join(data, "offers", "ft_allsectors_2025-11.jsonl")
    with open(path, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    records = [r for r in records if len(r.get("description") or "") >= 700]
    records.sort(key=lambda r: r["id"])
    digital = [r for r in records if (r.get("romeCode") or "").startswith("M18")]
    other = [r for r in records if not (r.get("romeCode") or "").startswith("M18")]
    keys = set()
    chosen = [(r, "digital") for r in spread(digital, 16, keys)]
    chosen += [(r, "other") for r in spread(other, 24, keys)]
    # Positions 3, 6 and 9 of every ten (counting from 1) form the check part.
    for position, (record, kind) in enumerate(chosen, start=1):
        part = "check" if position % 10 in (3, 6, 9) else "tune"
        print(record["id"], kind, part)


if __name__ == "__main__":
    main()
