#!/usr/bin/env python3
"""Medians and ratios from criterion's last run, against the goals of issue 5.

Run after the benches (`cargo bench --bench parse --bench scan --bench adversarial -- --noplot`):

    python3 benches/summary.py [target/criterion]

Reads `<group>/<bench>/new/estimates.json` (median point estimates) and prints every benchmark,
then each goal with our median, the alternative's, the ratio and whether the goal is met, then the
8 MiB / 1 MiB time ratio of every adversarial input (8.0 is linear).
"""

import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
medians = {}
throughput = {}
for est in root.glob("**/new/estimates.json"):
    bench = json.loads((est.parent / "benchmark.json").read_text())
    median = json.loads(est.read_text())["median"]["point_estimate"]
    medians[bench["full_id"]] = median
    tp = bench.get("throughput") or {}
    if "Bytes" in tp:
        throughput[bench["full_id"]] = tp["Bytes"] / median * 1e9 / 2**20  # MiB/s


def show(ns):
    return f"{ns / 1e6:.3f} ms" if ns >= 1e5 else f"{ns:.1f} ns"


print(f"{'benchmark':<55} {'median':>12} {'MiB/s':>10}")
for name in sorted(medians):
    mibs = f"{throughput[name]:10.1f}" if name in throughput else ""
    print(f"{name:<55} {show(medians[name]):>12} {mibs}")

# (ours, alternative, goal: alternative time / our time at least this)
GOALS = [
    ("dmy/kcna_dates::parse_dmy", "dmy/chrono::parse_from_str", 12),
    ("dmy/kcna_dates::parse_dmy", "dmy/jiff::strptime", 3),
    ("month_name/kcna_dates::MonthNameDate", "month_name/chrono::parse_from_str", 10),
    ("month_name/kcna_dates::MonthNameDate", "month_name/jiff::strptime", 3),
    ("juche_stamp/kcna_dates::JucheDate", "juche_stamp/hand_code", 2.5),
    ("dateline/kcna_dates::Dateline", "dateline/regex::captures", 10),
    ("scan_synthetic/kcna_dates::scan", "scan_synthetic/regex_four_passes", 2),
    ("scan_synthetic/kcna_dates::scan", "scan_synthetic/regex_alternation", 6),
    ("scan_synthetic/kcna_dates::scan", "scan_synthetic/memchr_memmem_KCNA", 0.25),
]
for group in sorted({k.split("/")[0] for k in medians if k.startswith("corpus_")}):
    # `date_article` at least half as fast as `scan`; `scan` at least a quarter of memchr.
    GOALS.append((f"{group}/kcna_dates::date_article", f"{group}/kcna_dates::scan", 0.5))
    GOALS.append((f"{group}/kcna_dates::scan", f"{group}/memchr_memmem_KCNA", 0.25))
print(f"\n{'ours vs alternative':<75} {'ours':>10} {'alt':>10} {'speedup':>8} {'goal':>6}")
for ours, alt, goal in GOALS:
    if ours in medians and alt in medians:
        ratio = medians[alt] / medians[ours]
        met = "met" if ratio >= goal else "NOT met"
        print(
            f"{ours + '  vs  ' + alt.split('/', 1)[1]:<75} {show(medians[ours]):>10} "
            f"{show(medians[alt]):>10} {ratio:>7.2f}x {goal:>5}x  {met}"
        )

adv = sorted({k.split("/")[1] for k in medians if k.startswith("adversarial/")})
if adv:
    print(f"\n{'adversarial input':<22} {'1MiB':>10} {'8MiB':>10} {'8MiB/1MiB':>10} {'MiB/s @8MiB':>12}")
    for name in adv:
        small = medians.get(f"adversarial/{name}/1MiB")
        large = medians.get(f"adversarial/{name}/8MiB")
        if small and large:
            print(
                f"{name:<22} {show(small):>10} {show(large):>10} {large / small:>10.2f} "
                f"{throughput[f'adversarial/{name}/8MiB']:>12.1f}"
            )
